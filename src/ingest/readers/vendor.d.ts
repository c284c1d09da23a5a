// The part of html-encoding-sniffer's API the decoder uses (the package ships no types).
declare module 'html-encoding-sniffer' {
  interface SniffOptions {
    xml?: boolean;
    transportLayerEncodingLabel?: string;
    /** null: return null when nothing declares an encoding. */
    defaultEncoding?: string | null;
    maxPrescanBytes?: number;
  }
  /** The WHATWG name of the encoding the bytes declare (BOM, transport label, <meta> prescan). */
  export default function sniffHtmlEncoding(bytes: Uint8Array, options?: SniffOptions): string | null;
}
