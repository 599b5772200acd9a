// Reduces an HTML page to its article text: scripts, styles, navigation and other chrome are dropped,
// blocks become paragraphs. The text is data from here on; nothing in it is ever evaluated.
import { Parser } from 'htmlparser2';

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'nav', 'header', 'footer', 'aside', 'form', 'iframe', 'button', 'select', 'head']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'br', 'tr', 'table', 'figcaption', 'pre', 'hr']);

export interface HtmlArticle {
  title: string | undefined;
  published: string | undefined;
  text: string;
}

export function htmlToText(html: string): HtmlArticle {
  const parts: string[] = [];
  let skipDepth = 0;
  let inTitle = false;
  let title = '';
  let h1 = '';
  let inH1 = false;
  let published: string | undefined;
  let hasArticle = false;
  let articleDepth = 0;
  const articleParts: string[] = [];
  // Both bodies get the break: the whole page is the fallback when the <article> turns out too short.
  const breakBlock = () => {
    parts.push('\n\n');
    if (articleDepth > 0) articleParts.push('\n\n');
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'title') inTitle = true;
        if (name === 'h1') inH1 = true;
        if (name === 'article') {
          hasArticle = true;
          articleDepth++;
        }
        if (name === 'meta') {
          const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').toLowerCase();
          if (!published && /published_time|datepublished|pubdate|publish-date|date$/.test(key) && attributes.content) published = attributes.content;
          if (key === 'og:title' && attributes.content && !title) title = attributes.content;
        }
        if (name === 'time' && !published && attributes.datetime) published = attributes.datetime;
        if (SKIPPED.has(name)) skipDepth++;
        if (BLOCKS.has(name)) breakBlock();
      },
      ontext(text) {
        if (inTitle) title += text;
        if (inH1) h1 += text;
        if (skipDepth > 0) return;
        parts.push(text);
        if (articleDepth > 0) articleParts.push(text);
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (name === 'h1') inH1 = false;
        if (name === 'article') articleDepth--;
        if (SKIPPED.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (BLOCKS.has(name)) breakBlock();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  const body = (hasArticle && articleParts.join('').trim().length > 200 ? articleParts : parts).join('');
  const cleanTitle = (h1.trim() || title.trim()).replace(/\s+/g, ' ') || undefined;
  const text = body
    .split(/\n{2,}/)
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block.length > 0)
    .join('\n\n');
  // A page whose body does not start with its headline still gets the headline as its first line.
  const withTitle = cleanTitle && !text.startsWith(cleanTitle) ? `${cleanTitle}\n\n${text}` : text;
  return { title: cleanTitle, published, text: withTitle };
}
