/**
 * The page's one script (site/layouts/PageFrame.astro), inline and before the first paint: applies the reader's
 * 字号 / 高对比度 choice (localStorage) to <html>, marks <html class="js"> so the switch shows, and handles its
 * buttons. Keep it under 1 KB (tests/e2e/a11y.spec.ts measures it). Its own module so the site's Content Security
 * Policy (astro.config.mjs) allows exactly this text by its hash.
 */
export const readingToolsScript = `(function(d){var h=d.documentElement,t="",c="";try{t=localStorage.getItem("fj-text")||"";c=localStorage.getItem("fj-contrast")||""}catch(e){}
function u(){t?h.setAttribute("data-text",t):h.removeAttribute("data-text");c?h.setAttribute("data-contrast",""):h.removeAttribute("data-contrast");for(var b=d.querySelectorAll("button[data-reading]"),i=0;i<b.length;i++)b[i].setAttribute("aria-pressed",b[i].value==(b[i].name=="c"?c:t))}
h.className+=" js";u();d.addEventListener("DOMContentLoaded",u);d.addEventListener("click",function(e){var b=e.target.closest&&e.target.closest("button[data-reading]");if(!b)return;b.name=="c"?c=c?"":"1":t=b.value;try{localStorage.setItem("fj-text",t);localStorage.setItem("fj-contrast",c)}catch(e){}u()})})(document)`
