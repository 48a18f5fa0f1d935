// The named demo employees (server/src/generator/demo.rs), loaded when the server
// runs with MUTAKHIR_DEMO=true. Keep in step with the constants there and the README.
export const DEMO_PNS_NIP = "198503122010012901";
export const DEMO_PPPK_NIP = "199208172022031901";
