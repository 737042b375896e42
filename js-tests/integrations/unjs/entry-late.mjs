// The mistake: the app's module (which imports unenv and unctx) comes before
// als-wasm/global, so unenv's module is evaluated first and keeps its
// fallback; unctx reads the global later, at createContext.
import './capture-warnings.mjs';
import { main } from './unjs-app.mjs';
import 'als-wasm/global';
import { AsyncLocalStorage } from 'als-wasm';

main({ ours: AsyncLocalStorage });
