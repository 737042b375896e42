#!/usr/bin/env node
import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// A hashbang first: the helpers' import must not land in its comment line.
const value = __als_resume(await __als_awaited( Promise.resolve('shebang')));

export default () => value;
