import type { PartialCatalog } from "../../catalog.js";
import type en from "../en/audit.js";

const audit: PartialCatalog<typeof en> = {
  title: "Log audit",
  intro:
    "Setiap akses ke data pribadi dan setiap perubahan dicatat di sini, dalam rantai hash yang memperlihatkan setiap suntingan di kemudian hari. Saring log dan periksa integritasnya.",
  integrity: {
    title: "Pemeriksaan integritas",
    intro:
      "Server menghitung ulang hash setiap peristiwa sejak yang pertama dan memeriksa titik periksa yang ditandatangani, seperti yang dilakukan npm run audit:verify.",
    run: "Periksa integritas",
    running: "Memeriksa…",
    ok_other: "Log audit utuh: {{count}} peristiwa diperiksa.",
    bad_other: "Log audit telah diubah: {{count}} masalah ditemukan.",
    head: "Ujung rantai",
    checkpoints: "Titik periksa bertanda tangan",
    latestCheckpoint_other: "{{count}} titik periksa; yang terbaru pada peristiwa #{{seq}}, {{at}}",
    noCheckpoint: "Belum ada (server menandatangani satu setiap 15 menit).",
    checkedAt: "Diperiksa pada",
    problems: "Tempat rantai terputus (50 yang pertama):",
    record:
      "Catat hash ujung rantai di tempat lain selain server ini (catatan bertanggal, email ke diri sendiri): pemeriksaan berikutnya juga akan membuktikan bahwa tidak ada yang ditulis ulang sebelumnya.",
  },
  filters: {
    title: "Filter",
    actor: "Anggota staf (email)",
    action: "Tindakan",
    entity: "Entitas",
    entityId: "ID entitas",
    from: "Dari",
    to: "Sampai",
    personal: "Hanya akses ke data pribadi",
    utc: "Waktu dan tanggal dalam UTC.",
    actorId: "Hanya pelaku {{id}}.",
    clearActorId: "Semua pelaku",
    apply: "Tampilkan peristiwa",
    clear: "Hapus filter",
  },
  log: {
    title: "Peristiwa, terbaru di atas",
    titleOlder: "Peristiwa lebih lama",
    loading: "Memuat peristiwa…",
    none: "Tidak ada peristiwa yang cocok dengan filter ini.",
    pages: "Halaman log",
    newest: "Peristiwa terbaru",
    older: "Peristiwa lebih lama",
  },
  event: {
    personal: "Data pribadi diakses",
    action: "Tindakan",
    actor: "Oleh",
    entity: "Pada",
    filterEntity: "Tampilkan hanya peristiwa pada {{entity}} {{id}}",
    details: "Rincian",
  },
  actor: {
    staff: "Akun staf",
    community: "Akun komunitas",
    other: "Sistem atau anonim",
  },
  outcome: {
    failure: "Gagal",
    denied: "Ditolak",
  },
};

export default audit;
