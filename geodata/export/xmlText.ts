// XML 1.0 (Fifth Edition) §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// A literal CR would reach a reader as LF (XML 1.0 §2.11 end-of-line handling): as a reference it stays a CR.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/**
 * Text every XML 1.0 parser accepts: the control characters XML 1.0 forbids (\x00-\x08, \x0B, \x0C,
 * \x0E-\x1F, U+FFFE, U+FFFF) are dropped, unpaired surrogate halves become U+FFFD; tab, line feed and
 * carriage return stay. Not escaped: see xmlEscape. For any text that goes into an XML file (KML, XLSX parts).
 * @example xmlSafeText('站\x01名') // '站名'
 */
export function xmlSafeText(text: string): string {
  return text.replace(CONTROL, '').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * Text for XML character data or a quoted attribute: xmlSafeText, then & < > " ' and carriage return as
 * references, so a reader gets back exactly the text (less what XML cannot hold).
 * @example xmlEscape('A&B <\x0b>') // 'A&amp;B &lt;&gt;'
 */
export function xmlEscape(text: string): string {
  return xmlSafeText(text).replace(/[&<>"'\r]/g, (c) => ESCAPES[c]);
}
