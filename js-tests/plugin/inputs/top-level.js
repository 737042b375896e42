// Top-level await in an ES module.
const config = await Promise.resolve({ port: 8080 });
const port = await config.port;

export default () => port + 1;
