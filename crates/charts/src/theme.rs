//! Chart colours and sizes for the light, dark and projector themes. The values mirror
//! `style/tokens.css`; the palette is Okabe–Ito, which stays distinct under colour blindness.

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: &'static str,
    pub text: &'static str,
    pub muted: &'static str,
    pub rule: &'static str,
    pub paper: &'static str,
    pub accent: &'static str,
    /// Series colours in order; pair each with a decal pattern as well.
    pub palette: [&'static str; 7],
    /// Base label size in px (axis labels, data labels).
    pub font_size: f64,
    pub font_family: &'static str,
    /// False when the reader prefers reduced motion.
    pub animation: bool,
}

const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";

impl Theme {
    /// The height of a line of chart text in pixels: the layout's estimate, and the line height
    /// the option asks ECharts for, so the two agree (1.3 × the font size; ECharts' own is less).
    pub fn line_height(&self) -> f64 {
        (self.font_size * 1.3).round()
    }

    pub fn light() -> Self {
        Theme {
            name: "light",
            text: "#1d1b18",
            muted: "#5f584e",
            rule: "#d9d2c3",
            paper: "#fbf9f4",
            accent: "#9b2c1f",
            palette: [
                "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7d7d7d",
            ],
            font_size: 13.0,
            font_family: FONT,
            animation: true,
        }
    }
    pub fn dark() -> Self {
        Theme {
            name: "dark",
            text: "#ece6da",
            muted: "#b9b0a1",
            rule: "#3d3830",
            paper: "#161513",
            accent: "#f08a73",
            palette: [
                "#56B4E9", "#E69F00", "#3CC99A", "#E08CC0", "#F0E442", "#8FD3FF", "#a0a0a0",
            ],
            font_size: 13.0,
            font_family: FONT,
            animation: true,
        }
    }
    /// High contrast and large type for a room: labels at least 20 px.
    pub fn projector() -> Self {
        Theme {
            name: "projector",
            text: "#000000",
            muted: "#222222",
            rule: "#777777",
            paper: "#ffffff",
            accent: "#8a1c10",
            palette: [
                "#005a8c", "#b34700", "#007a58", "#a3487f", "#a36f00", "#1f78b4", "#555555",
            ],
            font_size: 22.0,
            font_family: FONT,
            animation: false,
        }
    }
    pub fn by_name(name: &str) -> Self {
        match name {
            "dark" => Theme::dark(),
            "projector" => Theme::projector(),
            _ => Theme::light(),
        }
    }
    pub fn without_animation(mut self) -> Self {
        self.animation = false;
        self
    }

    /// The theme a page shows: projector while presenting, else the reader's choice (`light`,
    /// `dark`), else the system's; without animation if the reader prefers reduced motion.
    pub fn for_page(choice: Option<&str>, presenting: bool, system_dark: bool, reduced_motion: bool) -> Self {
        let theme = match (presenting, choice) {
            (true, _) => Theme::projector(),
            (false, Some(name)) => Theme::by_name(name),
            (false, None) if system_dark => Theme::dark(),
            (false, None) => Theme::light(),
        };
        if reduced_motion {
            theme.without_animation()
        } else {
            theme
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Theme;

    #[test]
    fn the_page_theme_follows_presentation_then_choice_then_system() {
        assert_eq!(Theme::for_page(Some("dark"), true, false, false), Theme::projector());
        assert_eq!(Theme::for_page(Some("dark"), false, false, false), Theme::dark());
        assert_eq!(Theme::for_page(Some("light"), false, true, false), Theme::light());
        assert_eq!(Theme::for_page(None, false, true, false), Theme::dark());
        assert_eq!(Theme::for_page(None, false, false, false), Theme::light());
        assert!(!Theme::for_page(None, false, false, true).animation);
    }
}
