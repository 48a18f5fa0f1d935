// The named demo employees (generator/src/demo.rs), loaded when the server
// runs with MUTAKHIR_DEMO=true. Keep in step with the constants there and the README.
export const DEMO_PNS_NIP = "198503122010012901";
export const DEMO_PPPK_NIP = "199208172022031901";
export const DEMO_PPT_NIK = "7371020106759003";
export const DEMO_PPT_EMAIL = "andi.tahir@bkn.go.id";
export const DEMO_PPPK_EMAIL = "budi.santoso.guru@gmail.com";
export const DEMO_PASSWORD = "Mutakhir2026";
