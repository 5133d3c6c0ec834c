interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
type TextDecoderCtor = new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => TextDecoderLike;

// core/geodata compile without DOM or Node types; TextDecoder exists in every runtime we ship (Node, Chromium).
const TextDecoderImpl = (globalThis as unknown as { TextDecoder: TextDecoderCtor }).TextDecoder;

/** The text encodings a file may be read as: 'auto' takes UTF-8 when the bytes are valid UTF-8, else GB18030. */
export type TextEncodingChoice = 'auto' | 'utf-8' | 'gb18030';

/**
 * Decodes a text file the way Chinese spreadsheets save it: UTF-8 with or without BOM, else GB18030 (the
 * superset of GBK that Excel's "CSV" writes on a Chinese Windows, four-byte sequences included; WHATWG
 * Encoding 'gb18030'. Node's 'gbk' decoder does not take the four-byte form). With 'auto', bytes that are
 * not valid UTF-8 are taken as GB18030. A UTF-8 BOM is dropped.
 * @example decodeText(new Uint8Array([0xd5, 0xbe, 0xc3, 0xfb])) // { text: '站名', encoding: 'gb18030' }
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncodingChoice = 'auto'): { text: string; encoding: 'utf-8' | 'gb18030' } {
  if (!(bytes instanceof Uint8Array)) throw new RangeError('bytes must be a Uint8Array');
  if (encoding === 'gb18030') return { text: new TextDecoderImpl('gb18030').decode(bytes), encoding };
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  if (encoding === 'utf-8' || hasBom) return { text: new TextDecoderImpl('utf-8').decode(bytes), encoding: 'utf-8' };
  try {
    return { text: new TextDecoderImpl('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoderImpl('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}
