// An app's `plugin`: true (the plugin's defaults), false (no plugin), or the
// plugin's options themselves (the whole bundle rewritten with the await hook off).
export const options = (plugin) => (plugin === true ? undefined : plugin);
