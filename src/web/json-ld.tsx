/** Structured data (schema.org JSON-LD) in a page's head. */

/** JSON that is safe inside <script>: '<' is escaped so no text can close the element. */
export function jsonForScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function JsonLd(props: { data: unknown }) {
  // Not executed (a data block, so the CSP's script-src does not apply) and escaped by jsonForScript.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(props.data) }} />;
}
