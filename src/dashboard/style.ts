/**
 * The dashboard's only stylesheet, served as /dashboard/style.css (the CSP allows no inline
 * style). Phone first: nothing is wider than the screen; a wide table scrolls inside its own box,
 * and so does a chart on a phone, drawn wide enough that its labels stay readable.
 */
export const STYLE_CSS = `*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;background:#f6f7f9;overflow-wrap:anywhere}
header{background:#1f3a5f;color:#fff;padding:.75rem 1rem}
header a{color:#fff}
.brand{font-weight:700;margin:0}
.community{margin:0;font-size:.875rem;opacity:.85}
nav ul{list-style:none;margin:.5rem 0 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem .75rem}
nav a{text-decoration:none;padding:.25rem 0;display:inline-block}
nav a[aria-current="page"]{border-bottom:2px solid #ffd166;font-weight:600}
.tools{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin-top:.5rem}
.tools form{margin:0}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
section{background:#fff;border:1px solid #dfe3e8;border-radius:8px;padding:1rem;margin:0 0 1rem}
.lead,.intro{color:#3b4654}
figure.chart{margin:0 0 1rem;max-width:100%;overflow-x:auto}
figure.chart svg{display:block;max-width:100%;height:auto}
@media (max-width:40rem){figure.chart svg{max-width:none;width:36rem}}
.table-box{max-width:100%;overflow-x:auto;border:1px solid #dfe3e8;border-radius:4px}
table{border-collapse:collapse;width:100%;font-size:.875rem}
caption{text-align:left;font-weight:600;padding:.5rem}
th,td{padding:.35rem .5rem;border-top:1px solid #eef0f3;text-align:left;white-space:nowrap}
th{white-space:normal;vertical-align:bottom;min-width:4.5rem}
td{font-variant-numeric:tabular-nums}
.csv{font-size:.875rem}
form.settings{display:grid;gap:.75rem;max-width:32rem}
form.settings label{display:grid;gap:.25rem;font-weight:600}
form.settings label>*{font-weight:400}
section>h2:first-child{margin-top:0}
input,select,button{font:inherit;max-width:100%}
input,select{padding:.4rem;border:1px solid #b8c0ca;border-radius:4px;background:#fff;width:100%}
button{padding:.45rem 1rem;border:0;border-radius:4px;background:#1f3a5f;color:#fff;cursor:pointer}
header button{background:#fff;color:#1f3a5f}
.errors{border-left:4px solid #b3261e;background:#fdecea;padding:.5rem 1rem}
.saved{border-left:4px solid #1e7b34;background:#e8f5ec;padding:.5rem 1rem}
ul.exports{padding-left:1.2rem}
ul.exports li{margin-bottom:.4rem}
.exports .file{display:block;color:#5c6478;font-size:.8125rem;white-space:nowrap}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eef0f3;border-radius:3px;padding:0 .25em;white-space:nowrap}
`;
