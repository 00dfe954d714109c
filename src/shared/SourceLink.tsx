import { urlParts } from '../core/article/source-line';

/**
 * An address shown as readers read one: an isolated left-to-right link, host first ("aljazeera.net ›
 * news/2019/9/24/…"), so Arabic text around it never reorders its slashes. Opens in a new tab with
 * no referrer; only http(s) addresses reach it (source-line.ts).
 */
export function SourceLink({ href }: { href: string }) {
  const { host, rest } = urlParts(href);
  return (
    <bdi dir="ltr" className="source-link">
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" dir="ltr" title={href} data-source-url={href}>
        <span className="source-link-host">{host}</span>
        {rest && <span className="source-link-rest"> › {rest.length > 60 ? `${rest.slice(0, 57)}…` : rest}</span>}
      </a>
    </bdi>
  );
}
