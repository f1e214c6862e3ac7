/**
 * The one stylesheet every page inlines (no request for it, no script): a
 * readable column that works from 320 px, light and dark colours from
 * `prefers-color-scheme` (both meet WCAG AA: body text over 12:1, muted text
 * and links over 4.5:1), a focus ring on everything focusable, a skip link,
 * the search box (field and button at least 44 px tall, borders over 3:1)
 * and search highlights (`mark`: near-black on light yellow in both schemes,
 * 13:1, as browsers' own default marks are).
 */
export const PAGE_STYLE = `:root{--bg:#fff;--fg:#1a1a1a;--muted:#555;--link:#0b57d0;--line:#d9d9d9;--panel:#f4f5f7;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#16181c;--fg:#ececec;--muted:#b4b4b4;--link:#8ab4f8;--line:#3a3d42;--panel:#1f2227}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;overflow-wrap:anywhere}
a{color:var(--link)}
a:focus-visible,input:focus-visible,button:focus-visible{outline:3px solid var(--link);outline-offset:2px;border-radius:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:8px 12px;z-index:1}
.skip:focus{left:8px}
header,main,footer{max-width:46rem;margin:0 auto;padding:0 16px}
header{display:flex;flex-wrap:wrap;align-items:center;gap:8px 20px;padding-top:14px;padding-bottom:12px;border-bottom:1px solid var(--line)}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none;color:var(--fg)}
nav ul{display:flex;flex-wrap:wrap;gap:4px 16px;margin:0;padding:0;list-style:none}
main{padding-top:8px;padding-bottom:32px}
h1{font-size:1.6rem;line-height:1.25;margin:18px 0 8px}
h2{font-size:1.2rem;line-height:1.3;margin:26px 0 8px}
ol.list{list-style:none;margin:0;padding:0}
ol.list>li{padding:14px 0;border-bottom:1px solid var(--line)}
ol.list h2,ol.list h3{margin:0 0 4px;font-size:1.1rem}
.meta{margin:0 0 6px;font-size:.9rem;color:var(--muted)}
.summary p{margin:0 0 10px}
.credit{font-size:.9rem;white-space:nowrap}
.original{display:inline-block;margin:8px 0;padding:8px 14px;background:var(--panel);border:1px solid var(--line);border-radius:6px}
.pager{display:flex;justify-content:space-between;gap:12px;margin:20px 0}
footer{padding-top:14px;padding-bottom:28px;border-top:1px solid var(--line);font-size:.9rem;color:var(--muted)}
footer a{color:var(--link)}
.search{margin:16px 0}
.search label{display:block;font-weight:600}
.search div{display:flex;gap:8px}
.search input,.search button{font:inherit;min-height:44px;padding:6px 12px;border:1px solid var(--muted);border-radius:6px}
.search input{flex:1;min-width:0;color:var(--fg);background:var(--bg)}
.search button{color:var(--bg);background:var(--link);border-color:var(--link)}
mark{background:#ffe27a;color:#1a1a1a}`
