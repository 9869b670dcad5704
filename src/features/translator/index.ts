/** The translator's workspace: the queue per language, the side-by-side editor and the glossary. */
export { translatorRoutes } from './translator.routes.js';
