/* global document, window, fetch, URLSearchParams, AbortController */
/**
 * Progressive enhancement of the server-rendered pages; they work fully without it.
 * - People autocomplete: inputs marked data-autocomplete="people" fill their <datalist> from
 *   GET /people?q= (the JSON API), by name or alias.
 * - Empty form fields (and those left at their data-default) are not submitted, so shared URLs hold only the filters in force.
 */
(function () {
  'use strict';

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      if (timer) window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        fn.apply(null, args);
      }, ms);
    };
  }

  function fillOptions(list, people) {
    while (list.firstChild) list.removeChild(list.firstChild);
    people.forEach(function (person) {
      var option = document.createElement('option');
      option.value = person.name; // textContent/value: never parsed as markup
      list.appendChild(option);
    });
  }

  function autocomplete(input) {
    var list = document.getElementById(input.getAttribute('list'));
    if (!list) return;
    var pending = null;
    input.addEventListener(
      'input',
      debounce(function () {
        var text = input.value.trim();
        if (text.length < 2) return;
        if (pending) pending.abort();
        pending = new AbortController();
        fetch('/people?' + new URLSearchParams({ q: text, limit: '8' }), { signal: pending.signal })
          .then(function (response) {
            return response.ok ? response.json() : { items: [] };
          })
          .then(function (page) {
            fillOptions(list, page.items || []);
          })
          .catch(function () {});
      }, 150),
    );
  }

  function dropEmptyFields(form) {
    form.addEventListener('submit', function () {
      Array.prototype.forEach.call(form.elements, function (element) {
        var unset = element.value === '' || element.value === element.getAttribute('data-default');
        if (element.name && unset) element.disabled = true;
      });
      // Re-enabled for the back button (bfcache keeps the page as it was).
      window.setTimeout(function () {
        Array.prototype.forEach.call(form.elements, function (element) {
          element.disabled = false;
        });
      }, 0);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('input[data-autocomplete="people"]').forEach(autocomplete);
    document.querySelectorAll('form[method="get"]').forEach(dropEmptyFields);
  });
})();
