// Draws the essay's charts to SVG at build time with ECharts' server-side renderer, so the
// prerendered page shows every chart before and without JavaScript. Called once by the native
// prerender (src/chart_prerender.rs): JSON on stdin, `[{ key, width, height, option }]`; JSON on
// stdout, `[{ key, svg }]` in the same order. Any failure exits non-zero with the chart's key on
// stderr, which stops the build.
import * as echarts from 'echarts';

// No canvas here to measure text with, and the reader's font is unknown at build time: measure
// as the Rust layout estimates (kirov_charts' text::GLYPH, 0.58 em a character, on the wide
// side), so ECharts places legend items and labels with room for a wide font.
const GLYPH = 0.58;
echarts.setPlatformAPI({
  measureText(text, font) {
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(font || '')?.[1] || 12);
    return { width: [...String(text)].length * size * GLYPH };
  },
});

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
let jobs;
try {
  jobs = JSON.parse(Buffer.concat(chunks).toString('utf8'));
} catch (e) {
  console.error(`render-charts: the input is not JSON: ${e.message}`);
  process.exit(1);
}
if (!Array.isArray(jobs)) {
  console.error('render-charts: the input must be a list of charts');
  process.exit(1);
}
const out = [];
for (const { key, width, height, option } of jobs) {
  let chart;
  try {
    chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
    // Drawn once, at rest: no animation to run in a string.
    chart.setOption({ ...option, animation: false });
    out.push({ key, svg: chart.renderToSVGString() });
  } catch (e) {
    console.error(`render-charts: ${key} (${width} × ${height}): ${e.stack || e}`);
    process.exit(1);
  } finally {
    chart?.dispose();
  }
}
// ECharts keeps a timer alive; leave once the output is written.
process.stdout.write(JSON.stringify(out), () => process.exit(0));
