// No setup: the control keeps LangChain's default (a mock storage in
// browsers); the alias build's storage comes from importing
// @langchain/core/callbacks/dispatch, which initializes the slot from
// node:async_hooks itself.
