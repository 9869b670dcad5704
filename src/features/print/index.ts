/** Print: posters, leaflets and sheets on A4 with QR codes, as print pages and PDFs. */
export { printRoutes, sendPrintPdf } from './print.routes.js';
export { PrintDocument, voicesOf } from './print.components.js';
export { pdfFilename } from './print.js';
export { CHROMIUM_ARGS } from './pdf.renderer.js';
