//! The charts on figure slides, laid out at build time. A chart takes the space left under its
//! slide's title (style/present.css), and `chart_fit.rs` lays a figure out for such a space:
//! label size and width. The charts' layouts are not quite the same picture at every size (a
//! waffle's cells, gaps and legend are whole pixels), so the prerender lays each figure out for
//! the spaces the projectors classrooms have give it, and the phones', and writes the ECharts
//! options into `slide-charts.json`. The browser picks the space nearest its own (in the slide's
//! type size and in em of it), draws that option at its own size and scales the drawing to the
//! space, so the usual screens get exactly their own layout and any other the nearest, scaled.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The file beside the page.
pub const CHARTS_FILE: &str = "slide-charts.json";

/// Where a slide's chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Space {
    /// A screen: its slide type size (px), and the chart's space in em of that type.
    Screen { em: f64, width: f64, height: f64 },
    /// A landscape handout page, in CSS px (style/present.css, print).
    Print,
}

/// The slide type on the projectors classrooms have (style/present.css: 32 px at 1080 px of
/// height, in proportion below, and to the width under 4:3).
const EM_1080: f64 = 32.0;
const EM_768: f64 = 768.0 / 33.75;
const EM_720: f64 = 720.0 / 33.75;
/// On a phone the slides are a scroll in the phone's own type.
const EM_PHONE: f64 = 18.0;
/// The space under a title of one, two or three lines (1.38 em each), in em.
const UNDER_TITLE: [f64; 3] = [28.2, 26.8, 25.4];

/// The spaces a chart is laid out for: 57 em wide on a 16:9 screen (1920×1080, 1366×768,
/// 1280×720) and 42 em on a 4:3 one (1024×768), the slide's width less its padding, under a
/// title of one, two or three lines; the phones' 70 % of the screen's height (390×844 and
/// 360×780); and the handout page.
pub fn spaces() -> Vec<Space> {
    let mut out = Vec::new();
    for (em, width) in [(EM_1080, 57.0), (EM_768, 57.0), (EM_720, 57.0), (EM_768, 42.0)] {
        for height in UNDER_TITLE {
            out.push(Space::Screen { em, width, height });
        }
    }
    out.push(Space::Screen {
        em: EM_PHONE,
        width: 17.9,
        height: 32.8,
    });
    out.push(Space::Screen {
        em: EM_PHONE,
        width: 16.2,
        height: 30.3,
    });
    out.push(Space::Print);
    out
}

/// A handout page's chart space in CSS px, and the screen height its 14 pt type stands for
/// (14 pt = 18.7 px, × 33.75).
pub const PRINTED: (f64, f64) = (960.0, 330.0);
#[cfg(feature = "ssr")]
const PRINTED_SCREEN: f64 = 630.0;

/// One laid-out chart: which option, and the size and label size it is drawn at (px).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Layout {
    /// Index into `FigureCharts::options`.
    pub option: usize,
    pub width: f64,
    pub height: f64,
    pub label: f64,
}

/// A figure's layouts for one space: the one chosen first, then the same with smaller labels,
/// for when the drawn labels come out wider than the layout estimated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fitted {
    pub space: Space,
    pub layouts: Vec<Layout>,
}

/// A figure's slide chart: every option once (as ECharts JSON), and its layouts per space.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct FigureCharts {
    pub options: Vec<String>,
    pub spaces: Vec<Fitted>,
}

/// Every figure's slide chart, by figure id.
pub type SlideCharts = BTreeMap<String, FigureCharts>;

/// Smaller label sizes kept after the first choice: the drawn labels have been seen to come out
/// one size wider than estimated; two leaves a margin.
#[cfg(feature = "ssr")]
const SMALLER_LABELS: usize = 2;

impl FigureCharts {
    /// The layouts for a screen space of `width` × `height` em of `em` px type: the nearest in
    /// shape and size.
    pub fn for_screen(&self, em: f64, width: f64, height: f64) -> Option<&Fitted> {
        let off = |a: f64, b: f64| (a / b.max(0.1)).ln().abs();
        let distance = |f: &&Fitted| match f.space {
            Space::Screen {
                em: e,
                width: w,
                height: h,
            } => off(w, width) + off(h, height) + off(e, em),
            Space::Print => f64::INFINITY,
        };
        self.spaces
            .iter()
            .filter(|f| matches!(f.space, Space::Screen { .. }))
            .min_by(|a, b| distance(a).total_cmp(&distance(b)))
    }

    /// The layouts for the handout page.
    pub fn for_print(&self) -> Option<&Fitted> {
        self.spaces.iter().find(|f| f.space == Space::Print)
    }
}

/// The slides' charts, once the browser has them.
#[derive(Clone, Copy)]
pub struct LoadedCharts(pub RwSignal<Option<Arc<SlideCharts>>>);

thread_local! {
    static CHARTS_ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// In the browser: fetches the charts into `charts` and loads ECharts, once each. The deck asks
/// as soon as it is shown: charts come soon in a talk, and the handout needs them at once.
pub fn load(charts: LoadedCharts) {
    crate::modes::slide_texts::load(CHARTS_FILE, &CHARTS_ASKED, charts.0);
    leptos::task::spawn_local(async {
        let _ = crate::figures::echarts::load().await;
    });
}

/// Every figure's layouts for every space, in the projector theme.
#[cfg(feature = "ssr")]
pub fn lay_out_all(content: &kirov_content::Content) -> SlideCharts {
    content
        .figures
        .iter()
        .map(|f| (f.id.clone(), lay_out(f, content)))
        .collect()
}

#[cfg(feature = "ssr")]
fn lay_out(figure: &kirov_content::Figure, content: &kirov_content::Content) -> FigureCharts {
    use crate::modes::chart_fit::{fit, LABEL_SIZES};
    let base = kirov_charts::Theme::projector();
    let mut charts = FigureCharts::default();
    for space in spaces() {
        let (width, height, screen) = match space {
            Space::Screen { em, width, height } => (width * em, height * em, 33.75 * em),
            Space::Print => (PRINTED.0, PRINTED.1, PRINTED_SCREEN),
        };
        let mut layouts: Vec<Layout> = Vec::new();
        for largest in LABEL_SIZES {
            let fitted = fit(figure, content, &base, width, height, screen, largest);
            let label = fitted.theme.font_size;
            if layouts.iter().any(|l| l.label <= label) {
                continue;
            }
            let json = serde_json::to_string(&fitted.drawing.option).expect("an option is JSON");
            let option = match charts.options.iter().position(|o| *o == json) {
                Some(i) => i,
                None => {
                    charts.options.push(json);
                    charts.options.len() - 1
                }
            };
            layouts.push(Layout {
                option,
                width: fitted.width,
                height: fitted.drawing.height,
                label,
            });
            if layouts.len() > SMALLER_LABELS {
                break;
            }
        }
        charts.spaces.push(Fitted { space, layouts });
    }
    charts
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn every_figure_has_layouts_for_every_space_that_fit_it() {
        let c = crate::content();
        let charts = lay_out_all(c);
        assert_eq!(charts.len(), c.figures.len());
        for (id, f) in &charts {
            assert_eq!(f.spaces.len(), spaces().len(), "{id}");
            for fitted in &f.spaces {
                let (w, h) = match fitted.space {
                    Space::Screen { em, width, height } => (width * em, height * em),
                    Space::Print => PRINTED,
                };
                assert!(!fitted.layouts.is_empty(), "{id}");
                for pair in fitted.layouts.windows(2) {
                    assert!(pair[1].label < pair[0].label, "{id}: smaller labels after");
                }
                for l in &fitted.layouts {
                    // A handout page is short: a chart too tall for it is drawn smaller whole.
                    let fits = l.height <= h + 0.5 || fitted.space == Space::Print;
                    assert!(
                        fits && l.width <= w,
                        "{id} in {:?}: {}×{}",
                        fitted.space,
                        l.width,
                        l.height
                    );
                    let option: serde_json::Value = serde_json::from_str(&f.options[l.option]).unwrap();
                    assert!(option.get("series").is_some(), "{id}: an ECharts option");
                }
            }
        }
    }

    #[test]
    fn a_screen_gets_the_space_nearest_its_own() {
        let c = crate::content();
        let charts = lay_out_all(c);
        let f = &charts[&c.figures[0].id];
        let space = |em, w, h| f.for_screen(em, w, h).map(|f| f.space);
        let screen = |em, width, height| Some(Space::Screen { em, width, height });
        assert_eq!(space(32.0, 57.0, 26.8), screen(EM_1080, 57.0, 26.8));
        assert_eq!(space(22.76, 42.0, 28.3), screen(EM_768, 42.0, 28.2));
        assert_eq!(space(22.76, 57.0, 25.4), screen(EM_768, 57.0, 25.4));
        assert_eq!(
            space(40.0, 56.0, 30.0),
            screen(EM_1080, 57.0, 28.2),
            "a larger screen: the largest"
        );
        assert_eq!(space(18.0, 17.9, 32.8), screen(EM_PHONE, 17.9, 32.8));
        assert_eq!(f.for_print().map(|f| f.space), Some(Space::Print));
    }
}
