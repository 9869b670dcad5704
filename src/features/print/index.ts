/** Print: posters, leaflets and sheets on A4 with QR codes, as print pages and PDFs. */
export { printRoutes } from './print.routes.js';
export { CHROMIUM_ARGS } from './pdf.renderer.js';
