//! A figure's numbers as a table: the chart's accessible and printable twin, and the static
//! home that datum links in the prose point to.

use crate::content;
use crate::inlines::Inlines;
use crate::inlines::NoteLink;
use kirov_content::{datum_anchor, format, Figure, FigureSource};

use leptos::prelude::*;

#[component]
pub fn DataTable(
    /// The figure whose data to tabulate.
    figure: &'static Figure,
) -> impl IntoView {
    let FigureSource::Dataset(dataset) = &figure.source else {
        return view! { <TimelineTable figure=figure /> }.into_any();
    };
    let rows = content().figure_rows(figure);
    view! {
        <table class="data-table">
            <caption class="visually-hidden">"Data for: " {figure.title.as_str()}</caption>
            <thead>
                <tr>
                    <th scope="col">"What"</th>
                    <th scope="col">"When"</th>
                    <th scope="col" class="num">"Value"</th>
                    <th scope="col">"Source"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|r| {
                        // The first placed figure showing a row owns its id, so ids stay unique.
                        let owns = content().home_figure(dataset, &r.id).is_some_and(|f| f.id == figure.id);
                        let id = owns.then(|| datum_anchor(dataset, &r.id));
                        let claimant = content().claimant(r);
                        view! {
                            <tr id=id data-row=r.id.clone()>
                                <th scope="row">
                                    {r.label.as_str()}
                                    {claimant.map(|p| view! { <span class="claimant">" (claimed by " {p.short.as_str()} ")"</span> })}
                                </th>
                                <td>{format::period(&r.period)}</td>
                                <td class="num">{format::value(r)}</td>
                                <td><NoteLink label=&r.note /></td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn TimelineTable(figure: &'static Figure) -> impl IntoView {
    view! {
        <table class="data-table">
            <caption class="visually-hidden">"Data for: " {figure.title.as_str()}</caption>
            <thead>
                <tr>
                    <th scope="col">"Date"</th>
                    <th scope="col">"Event"</th>
                    <th scope="col">"Kind"</th>
                    <th scope="col">"Source"</th>
                </tr>
            </thead>
            <tbody>
                {content()
                    .events
                    .iter()
                    .map(|e| view! {
                        <tr id=format!("event-{}", e.id)>
                            <td><time datetime=format::iso_date(&e.date)>{format::date(&e.date)}</time></td>
                            <th scope="row"><Inlines inlines=&e.title /></th>
                            <td>{e.tags.iter().map(|t| t.label()).collect::<Vec<_>>().join("; ")}</td>
                            <td><NoteLink label=&e.note /></td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
