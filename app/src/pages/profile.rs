//! The profile page: Data Personal and every history that applies to the
//! employee, as cards that read well on a phone. Server-rendered in full (the
//! route waits for the data), so it also works without JavaScript.

use leptos::prelude::*;
use leptos_i18n::I18nContext;
use leptos_router::hooks::use_params_map;

use crate::domain::localized::format_date;
use crate::domain::reference::Riwayat;
use crate::domain::riwayat::table::{table, Sql};
use crate::domain::{display_name::DisplayName, Lang, Pegawai};
use crate::i18n::{t, t_string, use_i18n, Locale};
use crate::profile::{load_profil, Profil};
use crate::proposal::change::{records_of, ProposedRecord};

type I18n = I18nContext<Locale>;
/// One record as label/value pairs, in display order.
type Fields = Vec<(&'static str, String)>;

fn lang(i18n: I18n) -> Lang {
    i18n.get_locale().into()
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let profil = Resource::new(
        move || params.read().get("nomor").unwrap_or_default(),
        load_profil,
    );
    view! {
        <Suspense fallback=move || view! { <p class="loading">{t!(i18n, loading)}</p> }>
            {move || Suspend::new(async move {
                match profil.await {
                    Ok(Some(profil)) => view! { <ProfilView profil /> }.into_any(),
                    Ok(None) => {
                        set_status(404);
                        view! {
                            <section class="not-found">
                                <h1>{t!(i18n, profile_title)}</h1>
                                <p role="alert">{t!(i18n, profile_not_found)}</p>
                            </section>
                        }
                            .into_any()
                    }
                    Err(_) => {
                        view! {
                            <section class="not-found">
                                <h1>{t!(i18n, profile_title)}</h1>
                                <p role="alert">{t!(i18n, profile_unavailable)}</p>
                                <p>
                                    <a href="/masuk">{t!(i18n, sign_in_to_view)}</a>
                                </p>
                            </section>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

fn set_status(_code: u16) {
    #[cfg(feature = "ssr")]
    if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(status) = axum::http::StatusCode::from_u16(_code) {
            resp.set_status(status);
        }
    }
}

#[component]
fn ProfilView(profil: Profil) -> impl IntoView {
    let i18n = use_i18n();
    let profil = StoredValue::new(profil);
    let name = profil.with_value(|p| {
        let d = &p.pegawai.personal;
        DisplayName {
            name: &d.nama,
            front_titles: &d.gelar_depan,
            back_titles: &d.gelar_belakang,
        }
        .to_string()
    });
    let nomor = profil.with_value(|p| {
        p.pegawai
            .personal
            .nomor_induk
            .as_str()
            .unwrap_or("-")
            .to_owned()
    });
    let sections = move || {
        profil.with_value(|p| {
            let jenis = p.pegawai.personal.jenis_pegawai;
            Riwayat::all()
                .iter()
                .copied()
                .filter(|r| r.applies_to(jenis))
                .map(|r| (r, records(i18n, &p.pegawai, r)))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <article class="profile">
            <header class="profile-head">
                <h1 data-testid="profile-name">{name}</h1>
                <p class="nomor-induk">{nomor}</p>
            </header>
            <section class="card" id="data-personal" data-testid="data-personal">
                <h2>{t!(i18n, data_personal)}</h2>
                {move || profil.with_value(|p| field_list(personal(i18n, p)))}
            </section>
            {move || {
                let lang = lang(i18n);
                sections()
                    .into_iter()
                    .map(|(riwayat, list)| {
                        let count = list.len();
                        view! {
                            <section
                                class="card riwayat"
                                id=format!("riwayat-{}", riwayat.code())
                                data-riwayat=riwayat.code()
                                data-count=count
                            >
                                <h2>{riwayat.name(lang)} <span class="count">{count}</span></h2>
                                {if list.is_empty() {
                                    view! { <p class="empty">{t!(i18n, no_records)}</p> }.into_any()
                                } else {
                                    view! {
                                        <ol class="records">
                                            {list
                                                .into_iter()
                                                .enumerate()
                                                .map(|(i, fields)| {
                                                    view! {
                                                        <li class="record" class:latest=i == 0>
                                                            {field_list(fields)}
                                                        </li>
                                                    }
                                                })
                                                .collect_view()}
                                        </ol>
                                    }
                                        .into_any()
                                }}
                            </section>
                        }
                    })
                    .collect_view()
            }}
        </article>
    }
}

fn field_list(fields: Fields) -> impl IntoView {
    view! {
        <dl class="fields">
            {fields
                .into_iter()
                .map(|(label, value)| {
                    view! {
                        <div class="field">
                            <dt>{label}</dt>
                            <dd>{value}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}

fn opt(value: Option<impl ToString>) -> String {
    value.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}

fn personal(i18n: I18n, p: &Profil) -> Fields {
    let lang = lang(i18n);
    let d = &p.pegawai.personal;
    vec![
        (t_string!(i18n, f_nomor_induk), opt(d.nomor_induk.as_str())),
        (t_string!(i18n, f_nik), d.nik.to_string()),
        (
            t_string!(i18n, f_ttl),
            format!("{}, {}", d.tempat_lahir, format_date(d.tanggal_lahir, lang)),
        ),
        (t_string!(i18n, f_gender), d.jenis_kelamin.name(lang).into()),
        (t_string!(i18n, f_agama), d.agama.name(lang).into()),
        (
            t_string!(i18n, f_status_perkawinan),
            d.status_perkawinan.name(lang).into(),
        ),
        (t_string!(i18n, f_alamat), d.alamat.jalan.clone()),
        (t_string!(i18n, f_email), opt(d.email.as_ref())),
        (t_string!(i18n, f_hp), opt(d.nomor_hp.as_ref())),
        (
            t_string!(i18n, f_npwp),
            opt(d.npwp.as_ref().map(|n| n.formatted())),
        ),
        (t_string!(i18n, f_bpjs), opt(d.bpjs.as_ref())),
        (t_string!(i18n, f_taspen), opt(d.taspen.as_ref())),
        (
            t_string!(i18n, f_jenis_pegawai),
            d.jenis_pegawai.name(lang).into(),
        ),
        (
            t_string!(i18n, f_status_hukum),
            d.status_hukum.name(lang).into(),
        ),
        (t_string!(i18n, f_instansi), p.instansi.clone()),
        (t_string!(i18n, f_unit_kerja), p.unit_kerja.clone()),
        (
            t_string!(i18n, f_golongan),
            opt(d
                .golongan
                .map(|g| format!("{} ({})", g.name(lang), g.code()))),
        ),
        (t_string!(i18n, f_jabatan), d.jabatan.clone()),
    ]
}

/// Every record of one history, newest first as stored: each field that has a
/// value, named and shown as the history's description says.
fn records(i18n: I18n, p: &Pegawai, riwayat: Riwayat) -> Vec<Fields> {
    let lang = lang(i18n);
    let table = table(riwayat);
    records_of(p, riwayat)
        .iter()
        .map(|record| {
            let json = serde_json::to_value(record).unwrap_or_default();
            let mut fields: Fields = Vec::new();
            // A family member's relationship (husband, stepchild…) follows from
            // what they are and their gender: said once, first.
            if let ProposedRecord::Keluarga(member) = record {
                fields.push((
                    t_string!(i18n, f_hubungan),
                    member.hubungan().name(lang).to_owned(),
                ));
            }
            fields.extend(
                table
                    .values(&json["data"])
                    .filter(|(column, value)| {
                        !value.is_null()
                            && column.sql != Sql::RowId
                            && !SAID_BY_HUBUNGAN.contains(&column.name)
                    })
                    .map(|(column, value)| {
                        let shown = match value {
                            serde_json::Value::Bool(true) => t_string!(i18n, yes).to_owned(),
                            serde_json::Value::Bool(false) => t_string!(i18n, no).to_owned(),
                            _ => column.show(value, lang),
                        };
                        (column.label(lang), shown)
                    }),
            );
            fields
        })
        .collect()
}

/// The family columns the relationship already says.
const SAID_BY_HUBUNGAN: [&str; 2] = ["anggota", "status_anak"];
