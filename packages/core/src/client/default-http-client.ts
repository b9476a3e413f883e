// One place names core's HTTP client, so createClient can be given another one (tests, wrappers).
export { createHttpClient as defaultCreateHttpClient } from '../http/index.js';
