// Builds the drop-in as it was before the contact form moved into its own file, for
// `npm run bench` to compare with (its "drop-in, before the split" row):
//
//   node bench/baseline.mjs [commit]   # default eff0066, the last commit before 4232f70 split it
//
// The commit's tree goes (git archive) to bench/results/baseline/<commit>/, which borrows this
// checkout's node_modules, and only its drop-in is built there (`vite build`); the file is then
// copied to bench/results/baseline/therapist-attachment-article.js, where the bench looks for it,
// and the tree is removed.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {tag} from './pages.mjs';

const root = path.resolve(import.meta.dirname, '..');
const commit = execFileSync('git', ['rev-parse', '--short', process.argv[2] ?? 'eff0066'], {
  cwd: root,
  encoding: 'utf8',
}).trim();
const out = path.join(root, 'bench/results/baseline');
const tree = path.join(out, commit);
fs.rmSync(tree, {recursive: true, force: true});
fs.mkdirSync(tree, {recursive: true});
execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${tree}"`], {cwd: root});
fs.symlinkSync(fs.realpathSync(path.join(root, 'node_modules')), path.join(tree, 'node_modules'));
execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build'], {cwd: tree, stdio: 'inherit'});
fs.copyFileSync(path.join(tree, 'dist', `${tag}.js`), path.join(out, `${tag}.js`));
fs.writeFileSync(path.join(out, 'commit.txt'), `${commit}\n`);
fs.rmSync(tree, {recursive: true});
console.log(`bench/results/baseline/${tag}.js: the drop-in at ${commit}`);
