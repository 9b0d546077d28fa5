/**
 * The scheduled job of docs/ci.md, run as written where it can run here:
 * every `run:` step of the GitHub workflow that `init` writes (with its
 * schedule uncommented, as the event of a scheduled run), and the GitLab
 * scheduled pipeline's `fetch` and `pages` scripts, in a clone whose remote
 * is a local bare repository, against a feed on a local server. GitHub's own
 * actions (checkout, setup-node, cache, Pages) and `npm ci` are not run: the
 * site gets the tool as an installed package would (node_modules/.bin).
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { initSite } from '../../src/write/initSite.ts';
import { projectRoot, tempDir } from '../helpers.ts';

interface Step {
  if?: string;
  run?: string;
  uses?: string;
}

/** The feed: one item, then two once `grow` is set; conditional requests answered 304. */
let items = 1;
const feed = () => `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Harbour Desk</title><link>https://harbour.example/</link>
${Array.from({ length: items }, (_, n) => `<item><title>Tide report ${n + 1}</title><link>https://harbour.example/tides/${n + 1}</link><pubDate>Mon, 0${5 + n} Jan 2026 06:00:00 GMT</pubDate><description><![CDATA[<p>High water at ${n + 6} in the morning, the harbour master says.</p>]]></description></item>`).join('\n')}
</channel></rss>`;

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

/** A shell script as a CI runner runs it: bash, stopping at the first failing command. Not synchronous: the feed's server runs in this process. */
function runScript(script: string, cwd: string, env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile('bash', ['-e', '-c', script], { cwd, encoding: 'utf8', env: { ...process.env, CI: 'true', ...env } }, (error, stdout, stderr) => {
      assert.equal(error?.code ?? 0, 0, `${script}\n${stdout}\n${stderr}`);
      resolve({ stdout, stderr });
    });
  });
}

describe('the scheduled job of docs/ci.md, run as written', () => {
  let server: Server;
  let origin = '';

  before(async () => {
    server = createServer((request, response) => {
      if (request.url !== '/feed.xml') return response.writeHead(404).end();
      const etag = `"items-${items}"`;
      if (request.headers['if-none-match'] === etag) return response.writeHead(304).end();
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feed());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  /** A site made by `init`, following the local feed, committed and pushed to a bare repository. */
  function archive(): { site: string; remote: string } {
    const root = tempDir();
    const remote = path.join(root, 'remote.git');
    git(root, 'init', '--quiet', '--bare', '--initial-branch=main', remote);
    const site = path.join(root, 'site');
    initSite({ cwd: root, dir: 'site', today: '2026-01-01' });
    const siteYaml = path.join(site, 'content/site.yaml');
    writeFileSync(siteYaml, `${readFileSync(siteYaml, 'utf8')}\nsources:\n  ${origin}/feed.xml: { name: Harbour Desk, follow: true }\n`);
    // Installed as `npm ci` would install it: the package, and its command in node_modules/.bin.
    mkdirSync(path.join(site, 'node_modules/.bin'), { recursive: true });
    symlinkSync(projectRoot, path.join(site, 'node_modules/news-archive'));
    symlinkSync('../news-archive/bin/news-archive.js', path.join(site, 'node_modules/.bin/news-archive'));
    git(site, 'init', '--quiet', '--initial-branch=main');
    git(site, 'add', '.');
    git(site, '-c', 'user.name=Owner', '-c', 'user.email=owner@example.invalid', 'commit', '--quiet', '-m', 'A new archive');
    git(site, 'remote', 'add', 'origin', remote);
    git(site, 'push', '--quiet', '-u', 'origin', 'main');
    return { site, remote };
  }

  test('GitHub Actions: a scheduled run fetches, commits and pushes only what changed, then checks and builds', async () => {
    items = 1;
    const { site, remote } = archive();
    const workflow = readFileSync(path.join(site, '.github/workflows/site.yml'), 'utf8').replace(/^ {2}# (schedule:| {2}- cron:)/gm, '  $1');
    const steps = (parse(workflow) as { jobs: { build: { steps: Step[] } } }).jobs.build.steps;
    const scheduledRun = async () => {
      const output: string[] = [];
      for (const step of steps) {
        if (step.run === undefined || step.run === 'npm ci') continue;
        // The event of this run is `schedule`: a step that asks for another event is skipped, as GitHub skips it.
        if (step.if !== undefined && step.if !== "github.event_name == 'schedule'") continue;
        output.push((await runScript(step.run.replaceAll('${{ steps.pages.outputs.base_url }}', 'https://owner.github.io/archive'), site)).stdout);
      }
      return output.join('\n');
    };
    const commits = () => Number(git(remote, 'rev-list', '--count', 'main'));

    const first = await scheduledRun();
    assert.match(first, /^1 feed: 1 new article, 0 unchanged \(304\), 0 failed$/m);
    assert.equal(commits(), 2);
    assert.equal(git(remote, 'log', '-1', '--format=%s', 'main'), 'Fetched the followed feeds');
    assert.deepEqual(git(remote, 'show', '--name-only', '--format=', 'main').split('\n').sort(), ['content/.feeds.json', 'content/2026/01/tide-report-1.md']);
    assert.match(readFileSync(path.join(site, '_site/feed.xml'), 'utf8'), /<id>https:\/\/owner\.github\.io\/archive\/2026\/01\/05\/tide-report-1\/<\/id>/);

    // Nothing new at the feed: it answers 304, and the run commits nothing.
    const second = await scheduledRun();
    assert.match(second, /^1 feed: 0 new articles, 1 unchanged \(304\), 0 failed$/m);
    assert.equal(commits(), 2);
    assert.equal(git(site, 'status', '--porcelain'), '', 'the build leaves nothing to commit');
  });

  test('GitLab: the scheduled pipeline’s fetch job pushes with its token to the default branch, and pages builds what it fetched', async () => {
    items = 1;
    const { site, remote } = archive();
    const guide = readFileSync(path.join(projectRoot, 'docs/ci.md'), 'utf8');
    const blocks = [...guide.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => parse(match[1]!) as Record<string, { script?: string[] }>);
    const fetchJob = blocks.find((block) => block.fetch?.script)!.fetch!;
    const pagesJob = blocks.find((block) => block.pages?.script)!.pages!;
    const env = {
      CI_SERVER_HOST: 'gitlab.example',
      CI_PROJECT_PATH: 'harbour/archive',
      CI_DEFAULT_BRANCH: 'main',
      CI_PAGES_URL: 'https://harbour.gitlab.io/archive',
      PUSH_TOKEN: 'glpat-test',
    };
    // The push goes to GitLab's address as written; git is told that address is the local remote.
    git(site, 'config', `url.${remote}.insteadOf`, `https://oauth2:${env.PUSH_TOKEN}@${env.CI_SERVER_HOST}/${env.CI_PROJECT_PATH}.git`);
    git(remote, 'config', 'receive.advertisePushOptions', 'true');

    items = 2;
    const fetched = await runScript(fetchJob.script!.join('\n'), site, env);
    assert.match(fetched.stdout, /^1 feed: 2 new articles, 0 unchanged \(304\), 0 failed$/m);
    assert.equal(git(remote, 'log', '-1', '--format=%s', 'main'), 'Fetched the followed feeds');
    await runScript(pagesJob.script!.join('\n'), site, env);
    assert.match(readFileSync(path.join(site, 'public/feed.xml'), 'utf8'), /<id>https:\/\/harbour\.gitlab\.io\/archive\/2026\/01\/06\/tide-report-2\/<\/id>/);
  });
});
