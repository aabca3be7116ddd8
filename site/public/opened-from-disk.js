// Opened from disk (file://), browsers refuse the page's module script and the configurator
// would stay blank: show how to open it instead. A classic script, which file:// still runs.
if (location.protocol === 'file:') {
  document.getElementById('opened-from-disk')?.removeAttribute('hidden');
}
