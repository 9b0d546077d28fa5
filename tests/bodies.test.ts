/**
 * Bodies of other generators' archives come through whole: links and images
 * into the archive resolved or reported, other generators' markup converted
 * or reported, never a link going nowhere. The fixtures follow what each
 * generator documents: Hugo's page bundles, `ref`/`relref` and built-in
 * shortcodes (figure, youtube, gist, tweet, highlight), Jekyll's `post_url`,
 * `link`, `highlight`, `raw`, includes and `site.baseurl`, Zola's `@/`
 * internal links and shortcodes.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HtmlValidate } from 'html-validate';
import { pagesOf } from '../src/archive/pages.ts';
import { parseHtmlFragment } from '../src/sanitize/parseHtml.ts';
import { sanitizeBody } from '../src/sanitize/sanitizeBody.ts';
import { forEachElement } from '../src/sanitize/walk.ts';
import { siteInMemory } from './support/siteInMemory.ts';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const bodyOf = (page: string) =>
  /<div class="article-body[^"]*">([\s\S]*?)<\/div>\s*<\/article>|<div class="article-body[^"]*">([\s\S]*)/.exec(page)?.[0] ?? page;

describe('links and images of a Hugo blog with page bundles, without an origin', async () => {
  const site = await siteInMemory({
    'content/site.yaml': 'title: Releases\n',
    'content/blog/release/v4-1/index.md': [
      '+++',
      'title = "Version 4.1"',
      'date = 2024-03-01',
      'aliases = ["/blog/release/v4.1/"]',
      '+++',
      '## Upgrading {#upgrading}',
      '',
      'Text.',
    ].join('\n'),
    'content/blog/release/v4-2/index.md': [
      '+++',
      'title = "Version 4.2"',
      'date = 2024-06-01',
      '+++',
      'See [Long-Term Support](/blog/release/v4.1/), [the upgrade notes]({{< ref "/blog/release/v4-1/index.md#upgrading" >}}) and [4.1 again]({{< relref "../v4-1" >}}).',
      '',
      '![Benchmark](bench.png)',
      '',
      '{{< figure src="images/chart.png" alt="Throughput chart" caption="Throughput, higher is better" >}}',
      '',
      'A [page we never had](/blog/roadmap/) and ![a lost picture](missing.png).',
    ].join('\n'),
    'content/blog/release/v4-2/bench.png': png,
    'content/blog/release/v4-2/images/chart.png': png,
  });
  const page = site.file('/2024/06/01/v4-2/');

  test('links to other posts, by old address and by ref, become links to their pages', () => {
    assert.match(page, /<a href="\.\.\/\.\.\/\.\.\/03\/01\/v4-1\/">Long-Term Support<\/a>/);
    assert.match(page, /<a href="\.\.\/\.\.\/\.\.\/03\/01\/v4-1\/#user-content-upgrading">the upgrade notes<\/a>/);
    assert.match(page, /<a href="\.\.\/\.\.\/\.\.\/03\/01\/v4-1\/">4\.1 again<\/a>/);
  });
  test('images kept beside the post are published beside its page', () => {
    assert.match(page, /<img src="bench\.png" alt="Benchmark"/);
    assert.match(page, /<figure><img src="images\/chart\.png" alt="Throughput chart"[^>]*><figcaption>Throughput, higher is better<\/figcaption><\/figure>/);
    const files = pagesOf(site.archive, 'file').map((file) => file.url);
    assert.deepEqual(files.sort(), ['/2024/06/01/v4-2/bench.png', '/2024/06/01/v4-2/images/chart.png']);
  });
  test('what points at nothing stays as text, named in one warning, and no link goes nowhere', () => {
    assert.ok(page.includes('A page we never had and a lost picture.'), bodyOf(page));
    assert.ok(!/<a(?=[\s>])(?![^>]*\bhref=)[^>]*>/.test(page), 'a link without href');
    assert.ok(!/<img(?=[\s>])(?![^>]*\bsrc=)[^>]*>/.test(page), 'an image without src');
    const warnings = site.problems.filter((p) => p.code === 'unresolved-link');
    assert.equal(warnings.length, 1, JSON.stringify(site.problems));
    assert.equal(warnings[0]!.file, 'content/blog/release/v4-2/index.md');
    assert.match(warnings[0]!.message, /link "\/blog\/roadmap\/", image "missing\.png"/);
  });
});

describe('a Jekyll blog with an origin', async () => {
  const site = await siteInMemory({
    'content/site.yaml': 'title: News\norigin: https://news.example.edu/\n',
    'content/_posts/2010-07-21-campus-opens.md': '---\ntitle: Campus opens\n---\nThe campus opens.\n',
    'content/_posts/2010-08-02-first-term.md': [
      '---',
      'title: First term',
      '---',
      'After [the opening]({% post_url 2010-07-21-campus-opens %}) and [again]({% link _posts/2010-07-21-campus-opens.md %}),',
      'see [the old page](/2010/07/21/campus-opens.html), [its full address](https://news.example.edu/2010/07/21/campus-opens.html), [admissions]({{ site.baseurl }}/admissions/) and ![the quad]({{ "/assets/quad.jpg" | relative_url }}).',
      '',
      '{% highlight ruby %}',
      'puts "<hello>"',
      '{% endhighlight %}',
      '',
      '{% raw %}{{ page.title }}{% endraw %}',
    ].join('\n'),
  });
  const page = site.file('/2010/08/02/first-term/');

  test('post_url, link and old addresses (as a path or on the original site) find the post', () => {
    for (const text of ['the opening', 'again', 'the old page', 'its full address'])
      assert.match(page, new RegExp(`<a href="\\.\\./\\.\\./\\.\\./07/21/campus-opens/">${text}</a>`));
  });
  test('what the archive does not hold links to the original site', () => {
    assert.match(page, /<a href="https:\/\/news\.example\.edu\/admissions\/" rel="nofollow noopener noreferrer">admissions<\/a>/);
    assert.match(page, /<img src="https:\/\/news\.example\.edu\/assets\/quad\.jpg" alt="the quad"/);
  });
  test('highlight becomes a code block, raw shows its content, and nothing is reported', () => {
    assert.match(page, /<pre><code class="language-ruby">puts "&#x3C;hello>"<\/code><\/pre>/);
    assert.ok(page.includes('{{ page.title }}'));
    assert.deepEqual(
      site.problems.filter((p) => p.severity === 'warning' && p.code !== 'unkept-address').map((p) => p.code),
      [],
    );
  });
});

describe('other generators’ markup', () => {
  const markdown = (body: string) => sanitizeBody(body, { format: 'markdown' });
  test('embeds become links, never frames', () => {
    const { html } = markdown(
      '{{< youtube dQw4w9WgXcQ >}}\n\n{{< gist spf13 7896402 >}}\n\n{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}\n\n{{ vimeo(id="124313553") }}',
    );
    assert.ok(!html.includes('<iframe'));
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://gist.github.com/spf13/7896402',
      'https://x.com/SanDiegoZoo/status/1453110110599868418',
      'https://vimeo.com/124313553',
    ]) {
      assert.ok(html.includes(`href="${url}"`), `${url} in ${html}`);
    }
  });
  test("Octopress's tags and Jekyll themes' video includes are what they show; an address is never read as a key", () => {
    const result = markdown(
      [
        '{% img left https://ex.example/harbour.png 300 200 "The harbour" "Boats in the harbour" %}',
        '{% blockquote Joan Didion, The White Album https://ex.example/book %}\nWe tell ourselves *stories* in order to live.\n{% endblockquote %}',
        '{% codeblock Awesome lang:ruby %}\nputs "Awesome!"\n{% endcodeblock %}',
        '{% pullquote %}\nSurprise: {" the harbour reopened "} today.\n{% endpullquote %}',
        '{% video https://ex.example/film.mp4 720 480 %}',
        '{% include video id="XsxDH4HcOWA" provider="youtube" %}',
        '{% include youtube.html id="dQw4w9WgXcQ" %}',
        '{% twitter https://twitter.com/jack/status/20 %}',
      ].join('\n\n'),
    );
    assert.deepEqual(result.unconverted, []);
    assert.match(result.html, /<figure><img src="https:\/\/ex\.example\/harbour\.png" alt="Boats in the harbour"/);
    assert.match(
      result.html,
      /<blockquote>\n<p>We tell ourselves <em>stories<\/em> in order to live\.<\/p>\n<p>— <a href="https:\/\/ex\.example\/book"[^>]*>Joan Didion, The White Album<\/a><\/p><\/blockquote>/,
    );
    assert.match(result.html, /<pre><code class="language-ruby">puts "Awesome!"<\/code><\/pre>/);
    assert.ok(result.html.includes('<p>Surprise: the harbour reopened today.</p>'), result.html);
    for (const url of [
      'https://ex.example/film.mp4',
      'https://www.youtube.com/watch?v=XsxDH4HcOWA',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://twitter.com/jack/status/20',
    ])
      assert.ok(result.html.includes(`href="${url}"`), `${url} in ${result.html}`);
  });
  test("Hugo's newer built-ins: details is a disclosure with Markdown inside, x a link to the post", () => {
    const result = markdown(
      '{{< details summary="The figures" >}}\nThe harbour handled **3,000** ships.\n{{< /details >}}\n\n{{< x user="SanDiegoZoo" id="1453110110599868418" >}}',
    );
    assert.deepEqual(result.unconverted, []);
    assert.ok(
      result.html.startsWith('<details><summary>The figures</summary>\n<p>The harbour handled <strong>3,000</strong> ships.</p>\n</details>'),
      result.html,
    );
    assert.ok(result.html.includes('href="https://x.com/SanDiegoZoo/status/1453110110599868418"'), result.html);
  });
  test('unknown constructs stay as text and are named; in code they are the subject, not reported', () => {
    const result = markdown('{{< notice warning >}}Careful{{< /notice >}} and `{{ .Title }}`\n\n```\n{% if user %}\n```');
    assert.deepEqual(result.unconverted, ['{{< notice warning >}}', '{{< /notice >}}']);
    assert.ok(result.text.includes('{{< notice warning >}}Careful'));
  });
  test('500,000 unclosed pairs are each searched for their closing once at most, and named', () => {
    // Each unclosed `{% raw %}` searched the whole rest of the body: 50,000 took 24 s, these would not end.
    const result = markdown('{% raw %} '.repeat(500_000));
    assert.equal(result.unconverted.length, 500_000);
    // And as many code spans beside as many constructs: each construct looked through every span.
    assert.equal(markdown('`a` {{< x >}} '.repeat(100_000)).unconverted.length, 100_000);
  });
  test('an escaped shortcode shows as written, as in Hugo’s own documentation', () => {
    assert.ok(markdown('```\n{{</* figure src="x.png" */>}}\n```').html.includes('{{&#x3C; figure src="x.png" >}}'));
  });
  test('hostile arguments stay data: no script, no javascript: URL, no attribute escapes', () => {
    const bodies = [
      '{{< figure src="javascript:alert(1)" alt="x\\" onerror=\\"alert(1)" caption="<script>alert(1)</script>" link="javascript:alert(2)" >}}',
      '{{< figure src="a.png" alt="a >}} <img src=x onerror=alert(1)>" >}}',
      '{% include image.html url="data:text/html,<script>alert(1)</script>" description="\' onmouseover=\'alert(1)" %}',
      '{{< youtube id="x\\"><script>alert(1)</script>" >}}',
      '{% highlight "><script>alert(1)</script> %}<script>alert(1)</script>{% endhighlight %}',
    ];
    for (const body of bodies) {
      const { html } = markdown(body);
      // Text and descriptions may show what was written; no element may act on it.
      forEachElement(parseHtmlFragment(html), (element) => {
        assert.notEqual(element.tagName, 'script', html);
        for (const [name, value] of Object.entries(element.properties)) {
          assert.ok(!/^on/i.test(name), `${name} in ${html}`);
          if (name === 'href' || name === 'src') assert.match(String(value), /^(?:https:|\.|[\w-])/, html);
          if (name === 'href' || name === 'src') assert.doesNotMatch(String(value), /^(?:javascript|data):/i, html);
        }
      });
    }
  });
});

describe('valid pages from any body', async () => {
  const post = (title: string, body: string, format = '') => `---\ntitle: "${title}"\ndate: 2025-05-01\n${format}---\n${body}\n`;
  const site = await siteInMemory({
    'content/site.yaml': 'title: Bodies\n',
    // Markdown as release notes write it: tables with alignment, footnotes, task lists, raw HTML among it.
    'content/notes.md': post(
      'Release notes',
      '<!-- markdownlint-disable -->\n# v2.0\n\n| Name | Size |\n|:-----|-----:|\n| a | 1 |\n\n- [x] done\n- [ ] next\n\nClaim.[^1]\n\n<details><summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n<div align="center"><img src="https://cdn.example/logo.png" width="200"></div>\n\n[^1]: A note.',
    ),
    // HTML as old pages and feeds write it.
    'content/old.md': post(
      'Old page',
      '<center><font color="red">Breaking</font></center><h2><p>Heading with a paragraph</p></h2><table border="1" cellpadding="4" width="100%"><tr><td valign="top" width="50" nowrap>cell</td></tr></table><div><caption>Orphan caption</caption><figcaption>Orphan figcaption</figcaption><li>Orphan item</li></div><p><a href="https://e.example/"></a><br clear="all"><img src="https://cdn.example/a.jpg" align="left" hspace="4" border="0"></p><img data-src="https://cdn.example/b.jpg" src="data:image/gif;base64,R0lGOD"><noscript><img src="https://cdn.example/b.jpg"></noscript><p><a href="javascript:alert(1)">bad</a></p><p><a href="https://e.example/story"><img src="https://cdn.example/c.jpg"></a>Trailing spaces   \nhere</p><figure><img src="https://cdn.example/d.jpg" alt="Quay"><figcaption>Middle caption</figcaption><div>after</div></figure>',
      'format: html\n',
    ),
    // Science news as publishers' HTML writes it: MathML and an inline SVG chart, which the sanitizer removes whole.
    'content/science.md': post(
      'Science',
      '<p>Energy is <math><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math>, the paper says.</p><svg viewBox="0 0 10 10"><text x="1" y="5">Sea level, mm</text></svg><p>End.</p>',
      'format: html\n',
    ),
    // Hostile: broken nesting, stray end tags, forms, frames and handlers.
    'content/hostile.md': post(
      'Hostile',
      '<p><b><i>overlap</b></i></p></div></span><table><tr><td><table><caption>x</caption></table></td></tr><p>in table</p></table><form><input name="q"><button>Go</button></form><iframe src="https://evil.example"></iframe><p onclick="alert(1)" style="color:red" id="main">click</p><a href="#main">in-page</a><ul><p>para in list</p><li>ok</li></ul><dl><p>x</p><dt>t</dt></dl><h3><div>block in h3</div></h3><a href="https://e.example/"><div>block</div></a>',
      'format: html\n',
    ),
  });

  test('every article page passes html-validate’s recommended rules', async () => {
    // The same rules as the sample site's test.
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'doctype-style': 'off', 'long-title': 'off' } });
    const messages: string[] = [];
    for (const url of site.articleUrls()) {
      const report = await validator.validateString(site.file(url), url);
      for (const result of report.results) for (const m of result.messages) messages.push(`${url}:${m.line} ${m.ruleId}: ${m.message}`);
    }
    assert.deepEqual(messages, []);
  });
  test('text a reader would see that went with a removed element is a warning naming the file and the text', () => {
    const warnings = site.problems.filter((p) => p.code === 'unkept-text');
    assert.deepEqual(
      warnings.map((p) => p.file),
      ['content/science.md'],
    );
    assert.match(warnings[0]!.message, /in 2 places/);
    assert.match(warnings[0]!.message, /<math> "E = m c 2" first/);
    // The words around them stay.
    assert.ok(site.file('/2025/05/01/science/').includes('the paper says.'));
  });
  test('the words of every body are still there', () => {
    const old = site.file('/2025/05/01/old/');
    for (const words of ['Breaking', 'Heading with a paragraph', 'cell', 'Orphan caption', 'Orphan figcaption', 'Orphan item', 'bad'])
      assert.ok(old.includes(words), words);
    assert.ok(old.includes('src="https://cdn.example/b.jpg"'));
  });
});

describe("kramdown's Markdown, as Jekyll posts are written", () => {
  const body = (markdown: string) => sanitizeBody(markdown, { format: 'markdown' });
  test('Markdown inside an HTML block marked markdown="1" is read as Markdown, nested ones too', () => {
    const { html } = body(
      'Intro.\n\n<div class="note" markdown="1">\n**Note:** see [the docs](https://example.com/docs).\n<div markdown="1">\n*Inner*\n</div>\n</div>\n\nAfter.',
    );
    assert.ok(html.includes('<p><strong>Note:</strong> see <a href="https://example.com/docs"'), html);
    assert.ok(html.includes('<p><em>Inner</em></p>\n</div>\n</div>'), html);
    assert.ok(!html.includes('markdown='), html);
    assert.ok(html.includes('<p>After.</p>'), html);
  });
  test('attributes given to a span are not shown as text; a comment is left out as kramdown leaves it; nomarkdown keeps its HTML', () => {
    const { html, text } = body(
      'Read [the docs](https://example.com/){:target="_blank"} and **this**{: .red}.\n\n{::comment}\nNot for readers.\n{:/comment}\n\n{::nomarkdown}\n<b>As written</b>\n{:/nomarkdown}\n\n{::options parse_block_html="true" /}\n\nEnd.',
    );
    assert.equal(text, 'Read the docs and this.\n\nAs written\n\nEnd.');
    assert.ok(html.includes('<b>As written</b>'), html);
  });
  test('in code, kramdown markup is the subject and stays as written', () => {
    const { text } = body('```\n{::comment}\n[x](y){:target="_blank"}\n{:/comment}\n<div markdown="1">\n```\n\nAnd `{::nomarkdown}` inline.');
    assert.equal(text, '{::comment}\n[x](y){:target="_blank"}\n{:/comment}\n<div markdown="1">\n\nAnd {::nomarkdown} inline.');
  });
  test('a comment never closed stays as text: nothing is dropped that was not meant to be', () => {
    assert.match(body('Before.\n\n{::comment}\nAll the rest.').text, /\{::comment\}\s+All the rest\./);
  });
  test('definition lists (kramdown, Hugo, PHP Markdown Extra) and abbreviations (kramdown) are what they are', () => {
    const { html } = body('The HTML standard.\n\nHarbour\n: Where ships shelter.\n\n*[HTML]: HyperText Markup Language');
    assert.ok(html.includes('<dl>\n<dt>Harbour</dt>\n<dd>Where ships shelter.</dd>\n</dl>'), html);
    assert.ok(html.includes('The <abbr title="HyperText Markup Language">HTML</abbr> standard.'), html);
    assert.ok(!html.includes('*[HTML]'), html);
  });
});

describe('embedded media, which the sanitizer removes whole, are links to what they show', () => {
  const html = (body: string) => sanitizeBody(body, { format: 'html', link: 'https://news.example/2020/story' });
  test("a YouTube or Vimeo player links to the video's page; a video, a recording, a map link to what they load", () => {
    const result = html(
      '<p>Watch:</p><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0" title="YouTube video player" allowfullscreen></iframe>' +
        '<iframe src="//player.vimeo.com/video/76979871"></iframe><video controls><source src="https://ex.example/v.webm">Your browser cannot play it.</video>' +
        '<p>Hear <audio src="https://ex.example/a.mp3" controls></audio> and see <iframe src="https://maps.example/embed?q=harbour" title="Map of the harbour"></iframe>.</p>' +
        '<object><param name="movie" value="http://www.youtube.com/v/abcdefgh&amp;hl=en"><embed src="http://www.youtube.com/v/abcdefgh&amp;hl=en"></object>',
    );
    assert.equal(
      result.text,
      'Watch:\n\nVideo: https://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nVideo: https://vimeo.com/76979871\n\nVideo: https://ex.example/v.webm\n\nHear Audio: https://ex.example/a.mp3 and see Map of the harbour (maps.example).\n\nVideo: https://www.youtube.com/watch?v=abcdefgh',
    );
    assert.deepEqual(
      [...result.html.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]),
      [
        'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
        'https://vimeo.com/76979871',
        'https://ex.example/v.webm',
        'https://ex.example/a.mp3',
        'https://maps.example/embed?q=harbour',
        'https://www.youtube.com/watch?v=abcdefgh',
      ],
    );
    assert.ok(!/<(?:iframe|video|audio|object|embed)\b/.test(result.html), result.html);
    assert.deepEqual(result.unkeptText, []);
  });
  test('one with nothing to link to is said, and no scheme but http(s) becomes a link', () => {
    const result = html(
      '<p>Before.</p><iframe srcdoc="<p>inline</p>"></iframe><iframe src="javascript:alert(1)"></iframe><embed src="data:text/html,x"><p>After.</p>',
    );
    assert.equal(result.text, 'Before.\n\nAfter.');
    assert.deepEqual(result.unkeptText, ['<iframe> with no address', '<iframe> "javascript:alert(1)"', '<embed> "data:text/html,x"']);
  });
});

describe('links and pictures whose address is refused', () => {
  test('show their text or description, and each address is noted for the warning; web addresses and paths are not', () => {
    const result = sanitizeBody(
      '<p><a href="tel:+15551234">Call the desk</a>, <a href="ftp://ftp.example.edu/pub/report.txt">the report</a>, <a href="https://ex.example/">the site</a>, <a href="mailto:desk@ex.example">mail</a>, <a href="#top">top</a>.</p><p><img src="data:image/png;base64,iVBORw0KGgo=" alt="Sales by month"></p>',
      { format: 'html', link: 'https://ex.example/2020/story' },
    );
    assert.equal(result.text, 'Call the desk, the report, the site, mail, top.\n\nSales by month');
    assert.deepEqual(result.unkeptAddresses, [
      'link "tel:+15551234"',
      'link "ftp://ftp.example.edu/pub/report.txt"',
      'picture "data:image/png;base64,iVBORw0KGgo="',
    ]);
  });
});

describe('WordPress shortcodes, as posts exported from WordPress keep them', () => {
  const html = (body: string) => sanitizeBody(body, { format: 'html' });
  test('a captioned picture is a figure with its caption, the new way and the old', () => {
    const result = html(
      '<p>Intro.</p>[caption id="attachment_12" align="aligncenter" width="300"]<a href="https://ex.example/big.jpg"><img src="https://ex.example/x.jpg" alt="Harbour" width="300" /></a> The harbour at dawn[/caption][caption width="200" caption="Quay, 1998"]<img src="https://ex.example/q.jpg">[/caption]',
    );
    assert.match(
      result.html,
      /<figure><a href="https:\/\/ex\.example\/big\.jpg"[^>]*><img src="https:\/\/ex\.example\/x\.jpg" alt="Harbour"[^>]*><\/a><figcaption>The harbour at dawn<\/figcaption><\/figure>/,
    );
    assert.match(result.html, /<figure><img src="https:\/\/ex\.example\/q\.jpg"[^>]*><figcaption>Quay, 1998<\/figcaption><\/figure>/);
    assert.deepEqual(result.unconverted, []);
  });
  test('embeds, Jetpack videos and media files become links where they stood; a gallery is named, not dropped', () => {
    const result = html(
      '<p>Watch [embed]https://www.youtube.com/watch?v=abc[/embed] and [youtube=http://www.youtube.com/watch?v=dQw4w9WgXcQ&w=640] or [vimeo 76979871].</p><p>[audio mp3="https://ex.example/a.mp3"][/audio] [gallery ids="1,2,3"]</p>',
    );
    const links = [...result.html.matchAll(/<a href="([^"]+)"/g)].map((match) => match[1]);
    assert.deepEqual(links, [
      'https://www.youtube.com/watch?v=abc',
      'http://www.youtube.com/watch?v=dQw4w9WgXcQ&#x26;w=640',
      'https://vimeo.com/76979871',
      'https://ex.example/a.mp3',
    ]);
    assert.ok(result.html.startsWith('<p>Watch <a '), result.html);
    assert.deepEqual(result.unconverted, ['[gallery ids="1,2,3"]']);
  });
  test('a word in brackets is no shortcode: "[video]" in a headline or a sentence is text, and not reported', () => {
    const result = html('<p>Slime molds are gorgeous [video] and [audio] too.</p>');
    assert.equal(result.text, 'Slime molds are gorgeous [video] and [audio] too.');
    assert.deepEqual(result.unconverted, []);
  });
  test('Markdown links named like a shortcode, and shortcodes in code, stay what they are', () => {
    const result = sanitizeBody('See [video](https://ex.example/v) and [video][1].\n\n[1]: https://ex.example/w\n\n`[gallery]` in code.', {
      format: 'markdown',
    });
    assert.equal(result.text, 'See video and video.\n\n[gallery] in code.');
    assert.deepEqual(result.unconverted, []);
  });
});

describe('headings keep the ids other generators give them', () => {
  test('a written id, else one from the text; links to a part of a post keep working', () => {
    const { html } = sanitizeBody(
      '## Upgrading {#upgrade}\n\nSee [the notes](#notes-for-you).\n\n## Notes for *you*!\n\nText.\n{: .note}\n\n## Notes for you',
      { format: 'markdown' },
    );
    assert.ok(html.includes('<h2 id="user-content-upgrade">Upgrading</h2>'), html);
    assert.ok(html.includes('<a href="#user-content-notes-for-you">the notes</a>'), html);
    assert.ok(html.includes('<h2 id="user-content-notes-for-you">Notes for <em>you</em>!</h2>'), html);
    assert.ok(html.includes('<h2 id="user-content-notes-for-you-1">'), html);
    assert.ok(!html.includes('{:'), html);
  });
});
