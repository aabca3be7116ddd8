declare module 'virtual:configurator-data' {
  const data: import('./code.js').ConfiguratorData;
  export default data;
}
