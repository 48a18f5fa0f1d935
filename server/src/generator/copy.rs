//! PostgreSQL COPY text format for employees and their histories: one buffer per
//! table, filled row by row without intermediate strings.
//!
//! Ids are explicit (the identities are `BY DEFAULT`): the employee's id is given,
//! and a history row's id is `riwayat_base + local id`, where the caller reserves
//! `RIWAYAT_SLOTS` ids per employee. Children reference their parent's spouse
//! row by that id, which is why the ids cannot be left to the sequences.

use std::io::Write;

use time::Date;

use app::domain::riwayat::AnggotaKeluarga;
use app::domain::sk::Sk;
use app::domain::Pegawai;

/// Ids reserved per employee in every history table; no history of one employee
/// may hold more records than this.
pub const RIWAYAT_SLOTS: i64 = 64;

/// The tables in load order (parents first), with the columns COPY writes.
pub const TABLES: [(&str, &str); 13] = [
    (
        "pegawai",
        "id, jenis, nomor_induk, nik, nama, gelar_depan, gelar_belakang, tempat_lahir, \
         tanggal_lahir, jenis_kelamin, agama, status_perkawinan, alamat, kecamatan_code, kode_pos, \
         email, nomor_hp, npwp, nomor_bpjs, nomor_taspen, status_hukum, instansi_id, unit_kerja_id, \
         golongan, jabatan",
    ),
    (
        "riwayat_cpns_pns",
        "pegawai_id, sk_cpns_nomor, sk_cpns_tanggal, tmt_cpns, sk_pns_nomor, sk_pns_tanggal, \
         tmt_pns, sttpl_nomor, sttpl_tanggal, spmt_nomor, spmt_tanggal",
    ),
    (
        "riwayat_pangkat",
        "id, pegawai_id, golongan, jenis_kenaikan, sk_nomor, sk_tanggal, tmt, pertek_bkn_nomor, \
         pertek_bkn_tanggal, masa_kerja_tahun, masa_kerja_bulan",
    ),
    (
        "riwayat_jabatan",
        "id, pegawai_id, jenis_jabatan, unit_kerja, nama_jabatan, eselon, sk_nomor, sk_tanggal, \
         tmt, tanggal_pelantikan",
    ),
    (
        "riwayat_pendidikan",
        "id, pegawai_id, tingkat, jurusan, nama_sekolah, tanggal_lulus, nomor_ijazah, gelar_depan, \
         gelar_belakang",
    ),
    (
        "riwayat_diklat",
        "id, pegawai_id, nama, penyelenggara, jumlah_jam, tanggal_mulai, tanggal_selesai, \
         nomor_sertifikat",
    ),
    (
        "riwayat_skp",
        "id, pegawai_id, tahun, hasil_kerja, perilaku_kerja, predikat, penilai_nama, penilai_nip",
    ),
    (
        "riwayat_penghargaan",
        "id, pegawai_id, nama, sk_nomor, sk_tanggal, tahun",
    ),
    (
        "riwayat_keluarga",
        "id, pegawai_id, anggota, nama, nik, tempat_lahir, tanggal_lahir, jenis_kelamin, \
         masih_hidup, akta_nikah_nomor, akta_nikah_tanggal, akta_cerai_nomor, akta_cerai_tanggal, \
         status_anak, pasangan_id",
    ),
    (
        "riwayat_pmk",
        "id, pegawai_id, pemberi_kerja, tanggal_mulai, tanggal_selesai, sk_nomor, sk_tanggal, \
         pertek_bkn_nomor, pertek_bkn_tanggal, masa_kerja_tahun, masa_kerja_bulan",
    ),
    (
        "riwayat_pindah_instansi",
        "id, pegawai_id, instansi_asal_id, instansi_tujuan_id, sk_nomor, sk_tanggal, tmt",
    ),
    (
        "riwayat_cltn",
        "id, pegawai_id, sk_nomor, sk_tanggal, tanggal_mulai, tanggal_selesai, \
         tanggal_aktif_kembali, sk_aktif_kembali_nomor, sk_aktif_kembali_tanggal",
    ),
    (
        "riwayat_organisasi",
        "id, pegawai_id, nama_organisasi, jabatan, tanggal_mulai, tanggal_selesai",
    ),
];

/// One COPY text row being written.
struct Row<'a> {
    buf: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Row<'a> {
    fn new(buf: &'a mut Vec<u8>) -> Self {
        Self { buf, first: true }
    }

    fn sep(&mut self) {
        if !self.first {
            self.buf.push(b'\t');
        }
        self.first = false;
    }

    fn text(&mut self, s: &str) -> &mut Self {
        self.sep();
        escape_into(self.buf, s);
        self
    }

    fn opt_text(&mut self, s: Option<&str>) -> &mut Self {
        match s {
            Some(s) => self.text(s),
            None => self.null(),
        }
    }

    fn null(&mut self) -> &mut Self {
        self.sep();
        self.buf.extend_from_slice(b"\\N");
        self
    }

    fn int(&mut self, n: i64) -> &mut Self {
        self.sep();
        let _ = write!(self.buf, "{n}");
        self
    }

    fn opt_int(&mut self, n: Option<i64>) -> &mut Self {
        match n {
            Some(n) => self.int(n),
            None => self.null(),
        }
    }

    fn bool(&mut self, b: bool) -> &mut Self {
        self.sep();
        self.buf.push(if b { b't' } else { b'f' });
        self
    }

    fn date(&mut self, d: Date) -> &mut Self {
        self.sep();
        let (y, m, day) = (d.year(), d.month() as u8, d.day());
        let digits = [
            b'0' + (y / 1000 % 10) as u8,
            b'0' + (y / 100 % 10) as u8,
            b'0' + (y / 10 % 10) as u8,
            b'0' + (y % 10) as u8,
            b'-',
            b'0' + m / 10,
            b'0' + m % 10,
            b'-',
            b'0' + day / 10,
            b'0' + day % 10,
        ];
        self.buf.extend_from_slice(&digits);
        self
    }

    fn opt_date(&mut self, d: Option<Date>) -> &mut Self {
        match d {
            Some(d) => self.date(d),
            None => self.null(),
        }
    }

    /// An SK as two columns, number and date.
    fn sk(&mut self, sk: Option<&Sk>) -> &mut Self {
        self.opt_text(sk.map(|s| s.nomor.as_str()));
        self.opt_date(sk.map(|s| s.tanggal))
    }

    /// A `text[]` literal with every element quoted.
    fn text_array(&mut self, items: &[String]) -> &mut Self {
        let mut literal = String::from("{");
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                literal.push(',');
            }
            literal.push('"');
            for c in item.chars() {
                if c == '"' || c == '\\' {
                    literal.push('\\');
                }
                literal.push(c);
            }
            literal.push('"');
        }
        literal.push('}');
        self.text(&literal)
    }

    fn end(&mut self) {
        self.buf.push(b'\n');
    }
}

/// COPY text escaping: backslash, and the delimiter and line breaks.
fn escape_into(buf: &mut Vec<u8>, s: &str) {
    if !s
        .bytes()
        .any(|b| matches!(b, b'\\' | b'\t' | b'\n' | b'\r'))
    {
        buf.extend_from_slice(s.as_bytes());
        return;
    }
    for b in s.bytes() {
        match b {
            b'\\' => buf.extend_from_slice(b"\\\\"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            _ => buf.push(b),
        }
    }
}

/// The COPY data of a chunk: one buffer per table of `TABLES`.
#[derive(Default)]
pub struct Batch {
    pub buffers: [Vec<u8>; 13],
    pub rows: [u64; 13],
}

impl Batch {
    pub fn with_capacity(employees: usize) -> Self {
        let mut b = Self::default();
        // Rough bytes per employee per table, so buffers rarely grow.
        let sizes = [420, 150, 500, 450, 350, 300, 180, 30, 600, 10, 5, 5, 20];
        for (buf, size) in b.buffers.iter_mut().zip(sizes) {
            buf.reserve(employees * size);
        }
        b
    }

    pub fn employees(&self) -> u64 {
        self.rows[0]
    }

    /// Appends one employee and all histories. `riwayat_base + local id` is each
    /// history row's id; `local id` must stay below `RIWAYAT_SLOTS`.
    pub fn push(&mut self, p: &Pegawai, pegawai_id: i64, riwayat_base: i64) {
        let id = |local: i64| {
            debug_assert!((0..RIWAYAT_SLOTS).contains(&local));
            riwayat_base + local
        };
        let d = &p.personal;
        let [b_peg, b_cpns, b_pangkat, b_jab, b_pend, b_diklat, b_skp, b_pengh, b_kel, b_pmk, b_pindah, b_cltn, b_org] =
            &mut self.buffers;
        Row::new(b_peg)
            .int(pegawai_id)
            .text(d.jenis_pegawai.code())
            .opt_text(d.nomor_induk.as_str())
            .text(d.nik.as_str())
            .text(&d.name)
            .text_array(&d.front_titles)
            .text_array(&d.back_titles)
            .text(&d.birth_place)
            .date(d.birth_date)
            .text(d.gender.code())
            .text(d.agama.code())
            .text(d.status_perkawinan.code())
            .text(&d.address.street)
            .opt_text(d.address.district_code.as_deref())
            .opt_text(d.address.postal_code.as_deref())
            .opt_text(d.email.as_ref().map(|e| e.as_str()))
            .opt_text(d.mobile.as_ref().map(|m| m.as_str()))
            .opt_text(d.npwp.as_ref().map(|n| n.as_str()))
            .opt_text(d.bpjs.as_deref())
            .opt_text(d.taspen.as_deref())
            .text(d.status_hukum.code())
            .int(d.instansi_id)
            .int(d.unit_kerja_id)
            .opt_text(d.golongan.map(|g| g.code()))
            .text(&d.jabatan)
            .end();
        self.rows[0] += 1;
        if let Some(c) = &p.cpns_pns {
            Row::new(b_cpns)
                .int(pegawai_id)
                .sk(Some(&c.sk_cpns))
                .date(c.tmt_cpns)
                .sk(c.sk_pns.as_ref())
                .opt_date(c.tmt_pns)
                .sk(c.sttpl.as_ref())
                .sk(c.spmt.as_ref())
                .end();
            self.rows[1] += 1;
        }
        for r in &p.pangkat {
            Row::new(b_pangkat)
                .int(id(r.id))
                .int(pegawai_id)
                .text(r.golongan.code())
                .text(r.jenis_kp.code())
                .sk(Some(&r.sk))
                .date(r.tmt)
                .sk(r.persetujuan_bkn.as_ref())
                .int(i64::from(r.masa_kerja.years()))
                .int(i64::from(r.masa_kerja.months()))
                .end();
        }
        self.rows[2] += p.pangkat.len() as u64;
        for r in &p.jabatan {
            Row::new(b_jab)
                .int(id(r.id))
                .int(pegawai_id)
                .text(r.jenis.code())
                .text(&r.unit_kerja)
                .text(&r.jabatan)
                .opt_text(r.eselon.map(|e| e.code()))
                .sk(Some(&r.sk))
                .date(r.tmt)
                .opt_date(r.tanggal_pelantikan)
                .end();
        }
        self.rows[3] += p.jabatan.len() as u64;
        for r in &p.pendidikan {
            Row::new(b_pend)
                .int(id(r.id))
                .int(pegawai_id)
                .text(r.tingkat.code())
                .opt_text(r.major.as_deref())
                .text(&r.school)
                .date(r.graduation_date)
                .opt_text(r.certificate_number.as_deref())
                .opt_text(r.front_title.as_deref())
                .opt_text(r.back_title.as_deref())
                .end();
        }
        self.rows[4] += p.pendidikan.len() as u64;
        for r in &p.diklat {
            Row::new(b_diklat)
                .int(id(r.id))
                .int(pegawai_id)
                .text(&r.name)
                .text(&r.organiser)
                .opt_int(r.hours.map(i64::from))
                .date(r.start)
                .date(r.end)
                .opt_text(r.certificate_number.as_deref())
                .end();
        }
        self.rows[5] += p.diklat.len() as u64;
        for r in &p.skp {
            Row::new(b_skp)
                .int(id(r.id))
                .int(pegawai_id)
                .int(i64::from(r.year))
                .text(r.hasil_kerja.code())
                .text(r.perilaku_kerja.code())
                .text(r.predikat.code())
                .text(&r.appraiser_name)
                .opt_text(r.appraiser_nip.as_ref().map(|n| n.as_str()))
                .end();
        }
        self.rows[6] += p.skp.len() as u64;
        for r in &p.penghargaan {
            Row::new(b_pengh)
                .int(id(r.id))
                .int(pegawai_id)
                .text(&r.name)
                .sk(Some(&r.sk))
                .int(i64::from(r.year))
                .end();
        }
        self.rows[7] += p.penghargaan.len() as u64;
        for member in &p.keluarga {
            let who = member.identitas();
            let mut row = Row::new(b_kel);
            row.int(id(member.id()))
                .int(pegawai_id)
                .text(match member {
                    AnggotaKeluarga::Pasangan(_) => "pasangan",
                    AnggotaKeluarga::Anak(_) => "anak",
                    AnggotaKeluarga::OrangTua(_) => "orang_tua",
                })
                .text(&who.name)
                .opt_text(who.nik.as_ref().map(|n| n.as_str()))
                .opt_text(who.birth_place.as_deref())
                .opt_date(who.birth_date)
                .text(who.gender.code())
                .bool(who.alive);
            match member {
                AnggotaKeluarga::Pasangan(s) => {
                    let nikah = s.akta_nikah.as_ref();
                    let cerai = s.akta_cerai.as_ref();
                    row.opt_text(nikah.map(|a| a.nomor.as_str()))
                        .opt_date(nikah.map(|a| a.tanggal))
                        .opt_text(cerai.map(|a| a.nomor.as_str()))
                        .opt_date(cerai.map(|a| a.tanggal))
                        .null()
                        .null();
                }
                AnggotaKeluarga::Anak(a) => {
                    row.null().null().null().null();
                    row.text(match a.status {
                        app::domain::riwayat::StatusAnak::Kandung => "kandung",
                        app::domain::riwayat::StatusAnak::Tiri => "tiri",
                        app::domain::riwayat::StatusAnak::Angkat => "angkat",
                    })
                    .opt_int(a.pasangan_id.map(id));
                }
                AnggotaKeluarga::OrangTua(_) => {
                    row.null().null().null().null().null().null();
                }
            }
            row.end();
        }
        self.rows[8] += p.keluarga.len() as u64;
        for r in &p.peninjauan_masa_kerja {
            Row::new(b_pmk)
                .int(id(r.id))
                .int(pegawai_id)
                .text(&r.employer)
                .date(r.start)
                .date(r.end)
                .sk(Some(&r.sk))
                .sk(r.persetujuan_bkn.as_ref())
                .int(i64::from(r.masa_kerja.years()))
                .int(i64::from(r.masa_kerja.months()))
                .end();
        }
        self.rows[9] += p.peninjauan_masa_kerja.len() as u64;
        for r in &p.pindah_instansi {
            Row::new(b_pindah)
                .int(id(r.id))
                .int(pegawai_id)
                .int(r.from_instansi_id)
                .int(r.to_instansi_id)
                .sk(Some(&r.sk))
                .date(r.tmt)
                .end();
        }
        self.rows[10] += p.pindah_instansi.len() as u64;
        for r in &p.cltn {
            Row::new(b_cltn)
                .int(id(r.id))
                .int(pegawai_id)
                .sk(Some(&r.sk))
                .date(r.start)
                .date(r.end)
                .opt_date(r.active_again)
                .sk(r.sk_active_again.as_ref())
                .end();
        }
        self.rows[11] += p.cltn.len() as u64;
        for r in &p.organisasi {
            Row::new(b_org)
                .int(id(r.id))
                .int(pegawai_id)
                .text(&r.name)
                .text(&r.role)
                .date(r.start)
                .opt_date(r.end)
                .end();
        }
        self.rows[12] += p.organisasi.len() as u64;
    }
}
