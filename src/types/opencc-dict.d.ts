/** OpenCC's dictionaries as opencc-js ships them: "traditional simplified|…" pairs, one string per table. */
declare module 'opencc-js/dict/*' {
  const table: string;
  export default table;
}
