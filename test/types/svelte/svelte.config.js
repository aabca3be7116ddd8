// svelte-check reads this folder's config, not the repository's vite.config.ts.
export default {};
