use super::*;

/// A piece of ECharts 6.1 SSR output, as `scripts/render-charts.mjs` receives it.
const SAMPLE: &str = r##"<svg width="608" height="276" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 608 276">
<rect width="608" height="276" x="0" y="0" fill="none"></rect>
<path d="M8.5 62L8.5 213.5" fill="none" stroke="#d9d2c3" class="zr0-cls-0"></path>
<text dominant-baseline="central" style="font-size:13px;font-family:system-ui, 'Segoe UI', sans-serif;" y="8.5" fill="#5f584e">1 &lt; 2</text>
<path d="M8 84.4l32.7 0l0 18l-32.7 0Z" fill="#0072B2" ecmeta_series_index="0" ecmeta_data_index="0" ecmeta_ssr_type="chart" class="zr0-cls-1"></path>
<path d="M8 84.4l32.7 0l0 18l-32.7 0Z" fill="url(#zr0-p0)" class="zr0-cls-0"></path>
<path d="M-5 -5l315 0Z" fill="rgb(0,0,0)" fill-opacity="0" stroke="#b7b9be" stroke-width="0"></path>
<path d="M1 1Z" fill="rgba(213,94,0,1)" stroke="#123456"></path>
<defs >
<pattern width="1" height="7" patternUnits="userSpaceOnUse" id="zr0-p0">
<g ><path d="M0 -7l1 0l0 2l-1 0Z" fill="rgb(0,0,0)" fill-opacity="0.22"></path></g>
</pattern>
</defs>
<style ><![CDATA[
.zr0-cls-1:hover {
cursor:pointer;
fill:rgba(0,125,195,1);
}
]]>
</style>
</svg>"##;

#[test]
fn styles_become_attributes_and_the_style_element_goes() {
    let out = themeable(SAMPLE, &Theme::light(), "chart-a-608", 608.0).svg;
    assert!(!out.contains("style"), "{out}");
    assert!(!out.contains("zr0"), "{out}");
    assert!(out.contains(r#"font-size="13px""#));
    assert!(out.contains(r#"font-family="system-ui, 'Segoe UI', sans-serif""#));
    // Text stays escaped as ECharts wrote it.
    assert!(out.contains("1 &lt; 2"));
}

#[test]
fn the_root_is_hidden_from_readers_and_knows_its_width() {
    let out = themeable(SAMPLE, &Theme::light(), "p", 608.0).svg;
    let root = &out[..out.find('>').unwrap()];
    for attr in [
        r#"class="chart-svg""#,
        r#"data-width="608""#,
        r#"aria-hidden="true""#,
        r#"viewBox="0 0 608 276""#,
    ] {
        assert!(root.contains(attr), "{attr} in {root}");
    }
}

#[test]
fn theme_colours_gain_their_token_class_and_keep_their_attribute() {
    let Themeable { svg, unthemed } = themeable(SAMPLE, &Theme::light(), "p", 608.0);
    assert!(svg.contains(r##"fill="#0072B2" ecmeta_series_index="0" ecmeta_data_index="0" ecmeta_ssr_type="chart" class="kc-fill-c1""##), "{svg}");
    assert!(svg.contains(r##"stroke="#d9d2c3" class="kc-stroke-rule""##));
    assert!(svg.contains(r##"fill="#5f584e" class="kc-fill-muted""##));
    // rgba(…, 1) is the palette's second colour.
    assert!(svg.contains("kc-fill-c2"));
    assert!(svg.contains(r#"fill-opacity="0.22" class="kc-fill-decal""#));
    // Invisible paint is left alone; a visible colour outside the theme is reported.
    assert_eq!(unthemed, vec!["#123456".to_string()]);
}

#[test]
fn ids_and_their_references_are_renumbered_together() {
    let svg = themeable(SAMPLE, &Theme::light(), "chart-purge-328", 328.0).svg;
    assert!(svg.contains(r#"id="chart-purge-328-p0""#));
    assert!(svg.contains(r#"fill="url(#chart-purge-328-p0)""#));
    assert_eq!(
        renumbered("url(#zr12-c3) zr zro-1 xzr1-2", "k"),
        "url(#k-c3) zr zro-1 xzr1-2"
    );
}

#[test]
fn colours_normalise() {
    assert_eq!(normalise("#ABC"), "#aabbcc");
    assert_eq!(normalise("rgb(0, 114, 178)"), "#0072b2");
    assert_eq!(normalise("rgba(0,114,178,1)"), "#0072b2");
    assert_eq!(normalise("rgba(0,114,178,0.5)"), "rgba(0,114,178,0.5)");
}

#[test]
fn decals_and_labels_carry_their_datum() {
    let svg = r##"<svg width="10" height="10">
<path d="M0 0Z" fill="#0072B2" ecmeta_series_index="0" ecmeta_data_index="0" ecmeta_ssr_type="chart"></path>
<path d="M0 0Z" fill="url(#zr0-p0)"></path>
<path d="M1 0Z" fill="#0072B2" ecmeta_series_index="0" ecmeta_data_index="1" ecmeta_ssr_type="chart"></path>
<text fill="#1d1b18">one</text>
<text fill="#1d1b18">two</text>
<path d="M2 0Z" fill="none" ecmeta_series_index="1" ecmeta_data_index="0" ecmeta_ssr_type="chart"></path>
<path d="M3 0Z" fill="none" ecmeta_series_index="1" ecmeta_data_index="1" ecmeta_ssr_type="chart"></path>
<text fill="#1d1b18">only one label for two shapes</text>
<rect></rect>
<path d="M4 0Z" fill="none" ecmeta_series_index="2" ecmeta_data_index="0" ecmeta_ssr_type="chart"></path>
<path d="M5 0Z" fill="none" ecmeta_series_index="3" ecmeta_data_index="0" ecmeta_ssr_type="chart"></path>
<text fill="#1d1b18">first line</text>
<text fill="#1d1b18">second line</text>
</svg>"##;
    let out = themeable(svg, &Theme::light(), "p", 10.0).svg;
    assert!(
        out.contains(r##"<path d="M0 0Z" fill="url(#p-p0)" ecmeta_series_index="0" ecmeta_data_index="0" ecmeta_ssr_type="decal">"##),
        "{out}"
    );
    assert!(
        out.contains(r#"ecmeta_series_index="0" ecmeta_data_index="0" ecmeta_ssr_type="label">one<"#),
        "{out}"
    );
    assert!(
        out.contains(r#"ecmeta_series_index="0" ecmeta_data_index="1" ecmeta_ssr_type="label">two<"#),
        "{out}"
    );
    // Unmatched labels are left alone rather than guessed.
    assert!(out.contains(r#"class="kc-fill-text">only one label"#), "{out}");
    // Two series drawn together, then their labels in the same order.
    assert!(
        out.contains(r#"ecmeta_series_index="2" ecmeta_data_index="0" ecmeta_ssr_type="label">first line<"#),
        "{out}"
    );
    assert!(
        out.contains(r#"ecmeta_series_index="3" ecmeta_data_index="0" ecmeta_ssr_type="label">second line<"#),
        "{out}"
    );
}
