//! Which pages of the real content show a picture, and the pictures written for them from
//! the catalog: the app fetches the code that writes them only for these pages.

mod common;

use egov_core::content::{Item, Kind};
use egov_core::pictures::{countries_map, has_pictures, item_pictures, ItemPictures};

fn link_of(item: &Item) -> String {
    format!("/egov{}", item.path())
}

#[test]
fn editions_countries_and_the_two_index_case_studies_are_the_pages_with_pictures() {
    let catalog = common::real_catalog();
    let with_pictures: Vec<&str> = catalog
        .items()
        .iter()
        .filter(|item| !matches!(item.kind, Kind::Edition | Kind::Country))
        .filter(|item| has_pictures(item))
        .map(|item| item.id.as_str())
        .collect();
    assert_eq!(
        with_pictures,
        [
            "korea-in-un-e-government-survey",
            "oecd-digital-government-index"
        ]
    );
    for item in catalog.of_kind(Kind::Edition) {
        assert_eq!(
            has_pictures(item),
            !item.countries.is_empty(),
            "{}",
            item.id
        );
    }
    assert!(catalog
        .of_kind(Kind::Country)
        .iter()
        .all(|c| has_pictures(c)));
}

#[test]
fn an_edition_maps_its_countries_linked_and_named_as_the_catalog_has_them() {
    let catalog = common::real_catalog();
    let edition = catalog
        .get("edition-2018-greece-romania")
        .expect("the 2018 edition");
    let pictures = item_pictures(&catalog, edition, &link_of);
    let map = pictures.map.expect("a map");
    assert_eq!(
        map.matches("class=\"tile is-selected\"").count(),
        2,
        "{map}"
    );
    assert!(map.contains("<a href=\"/egov/countries/greece\" class=\"tile is-selected\">"));
    assert!(map.contains("took part in this edition"));
    // Every member state has its tile, a link.
    assert_eq!(
        map.matches("<a href=\"/egov/countries/").count(),
        13 + 2,
        "tiles, then the highlighted in a list"
    );
    assert_eq!((pictures.rank_chart, pictures.oecd_table), (None, None));
}

#[test]
fn a_country_is_highlighted_on_its_own_map_and_the_list_maps_every_country_plainly() {
    let catalog = common::real_catalog();
    let georgia = catalog.get("georgia").expect("Georgia");
    let map = item_pictures(&catalog, georgia, &link_of)
        .map
        .expect("a map");
    assert_eq!(map.matches("is-selected").count(), 1);
    assert!(map.contains("<a href=\"/egov/countries/georgia\" class=\"tile is-selected\">"));
    let all = countries_map(&catalog, &link_of).expect("the countries' map");
    assert_eq!(all.matches("<a href=\"/egov/countries/").count(), 13);
    assert!(!all.contains("is-selected"));
}

#[test]
fn the_index_case_studies_chart_and_table_their_results() {
    let catalog = common::real_catalog();
    let survey = catalog
        .get("korea-in-un-e-government-survey")
        .expect("the survey case study");
    let pictures = item_pictures(&catalog, survey, &link_of);
    // Other countries' ranks are named as the catalog names them.
    assert!(pictures
        .rank_chart
        .as_deref()
        .is_some_and(|chart| chart.contains(">North Macedonia<")));
    assert_eq!((pictures.oecd_table, pictures.map), (None, None));
    let oecd = catalog
        .get("oecd-digital-government-index")
        .expect("the OECD case study");
    let pictures = item_pictures(&catalog, oecd, &link_of);
    assert!(pictures
        .oecd_table
        .is_some_and(|table| table.contains("Digital Government Index")));
    let hometax = catalog.get("hometax").expect("HomeTax");
    assert_eq!(
        item_pictures(&catalog, hometax, &link_of),
        ItemPictures::default()
    );
}
