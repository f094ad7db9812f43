//! The charts on figure slides, laid out at build time. A slide's type is in em of one size
//! (style/present.css), so a chart's space under its title is the same in em on every screen of
//! one shape; only the pixels differ. So the prerender lays each figure out (`chart_fit.rs`) for
//! the spaces that occur, in em at a reference type of 32 px (1920×1080), and writes the ECharts
//! options into `slide-charts.json`. The browser picks the space nearest its own, draws that
//! option at the reference size and scales the drawing to the space, so a 1024×768 projector
//! shows the picture a 4:3 screen of any size shows, with fewer pixels.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// The file beside the page.
pub const CHARTS_FILE: &str = "slide-charts.json";
/// The slide type the layouts are made at, in px: 1080 px of screen height (33.75 em).
pub const REFERENCE_EM: f64 = 32.0;

/// Where a slide's chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Space {
    /// A screen, its chart space in em of the slide's type.
    Screen { width: f64, height: f64 },
    /// A landscape handout page, in CSS px (style/present.css, print).
    Print,
}

/// The spaces a chart is laid out for, as style/present.css makes them: 57 em wide on a 16:9
/// screen and 42 em on a 4:3 one (the slide's width less its padding), under a title of one,
/// two or three lines (1.38 em each); and the phones' 70 % of the screen's height.
pub const SPACES: [Space; 9] = [
    Space::Screen { width: 57.0, height: 28.2 },
    Space::Screen { width: 57.0, height: 26.8 },
    Space::Screen { width: 57.0, height: 25.4 },
    Space::Screen { width: 42.0, height: 28.2 },
    Space::Screen { width: 42.0, height: 26.8 },
    Space::Screen { width: 42.0, height: 25.4 },
    Space::Screen { width: 16.2, height: 30.3 },
    Space::Screen { width: 17.9, height: 32.8 },
    Space::Print,
];

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
    /// The layouts for a screen space of `width` × `height` em: the nearest in shape and size.
    pub fn for_screen(&self, width: f64, height: f64) -> Option<&Fitted> {
        let distance = |f: &&Fitted| match f.space {
            Space::Screen { width: w, height: h } => {
                (w / width.max(1.0)).ln().abs() + (h / height.max(1.0)).ln().abs()
            }
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
    for space in SPACES {
        let (width, height, screen) = match space {
            Space::Screen { width, height } => (width * REFERENCE_EM, height * REFERENCE_EM, 33.75 * REFERENCE_EM),
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
            assert_eq!(f.spaces.len(), SPACES.len(), "{id}");
            for fitted in &f.spaces {
                let (w, h) = match fitted.space {
                    Space::Screen { width, height } => (width * REFERENCE_EM, height * REFERENCE_EM),
                    Space::Print => PRINTED,
                };
                assert!(!fitted.layouts.is_empty(), "{id}");
                for pair in fitted.layouts.windows(2) {
                    assert!(pair[1].label < pair[0].label, "{id}: smaller labels after");
                }
                for l in &fitted.layouts {
                    // A handout page is short: a chart too tall for it is drawn smaller whole.
                    let fits = l.height <= h + 0.5 || fitted.space == Space::Print;
                    assert!(fits && l.width <= w, "{id} in {:?}: {}×{}", fitted.space, l.width, l.height);
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
        let space = |w, h| f.for_screen(w, h).map(|f| f.space);
        assert_eq!(space(57.0, 26.8), Some(Space::Screen { width: 57.0, height: 26.8 }));
        assert_eq!(space(42.0, 28.3), Some(Space::Screen { width: 42.0, height: 28.2 }));
        assert_eq!(space(56.0, 30.0), Some(Space::Screen { width: 57.0, height: 28.2 }));
        assert_eq!(space(17.9, 32.8), Some(Space::Screen { width: 17.9, height: 32.8 }));
        assert_eq!(f.for_print().map(|f| f.space), Some(Space::Print));
    }
}
