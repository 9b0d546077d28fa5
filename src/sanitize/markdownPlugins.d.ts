// markdown-it's own plugins for definition lists and abbreviations ship without types.
declare module 'markdown-it-deflist' {
  import type { PluginSimple } from 'markdown-it';
  const definitionLists: PluginSimple;
  export default definitionLists;
}

declare module 'markdown-it-abbr' {
  import type { PluginSimple } from 'markdown-it';
  const abbreviations: PluginSimple;
  export default abbreviations;
}
