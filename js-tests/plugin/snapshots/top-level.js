import { awaited as __als_awaited, resume as __als_resume } from "als-wasm/plugin/runtime";// Top-level await in an ES module.
const config = __als_resume(await __als_awaited( Promise.resolve({ port: 8080 })));
const port = __als_resume(await __als_awaited( config.port));

export default () => port + 1;
