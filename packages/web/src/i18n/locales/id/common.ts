import type { PartialCatalog } from "../../catalog.js";
import type en from "../en/common.js";

const common: PartialCatalog<typeof en> = {
  skipToContent: "Langsung ke konten utama",
  language: "Bahasa",
  loading: "Memuat…",
  retry: "Coba lagi",
  offline: "Anda sedang luring. Informasi yang tersimpan ditampilkan.",
  surfaces: {
    app: "Aplikasi komunitas",
    inbox: "Kotak masuk penanggap",
    dashboard: "Dasbor akuntabilitas",
    publicDashboard: "Angka publik",
    setup: "Pengaturan",
    audit: "Log audit",
  },
  landing: {
    title: "Selamat datang",
    intro:
      "Pemantauan berbasis komunitas: masyarakat menyampaikan hambatan yang mereka alami, penanggap bertindak, dan semua orang melihat apa yang berubah.",
    surfacesLabel: "Pilih tujuan Anda",
    app: "Temukan layanan, ketahui hak Anda, dan laporkan hambatan.",
    inbox: "Untuk penanggap pertama: tangani laporan dan balas pesan masyarakat.",
    publicDashboard:
      "Untuk semua orang, tanpa masuk akun: apa yang dilaporkan masyarakat dan apa yang sudah dilakukan, per wilayah.",
    dashboard: "Untuk advokat dan staf program: indikator, tren, dan target.",
    setup: "Untuk administrator: formulir, tempat, konten, dan pengguna.",
  },
  notices: {
    title: "Pesan baru",
    reply: "Ada balasan untuk laporan Anda {{ref}}.",
    update: "Ada kabar baru tentang laporan Anda {{ref}}.",
    content: "Laporan {{ref}}: {{content}}",
    howPush: "Buka aplikasi dan masuk ke Laporan saya.",
    howSmsUrl: "Baca di {{url}} dengan kode Anda, atau balas SMS ini.",
    howSms: "Baca di halaman pelacakan dengan kode Anda, atau balas SMS ini.",
    howChatUrl: "Baca di {{url}} dengan kode Anda, atau balas di obrolan ini.",
    howChat: "Baca di halaman pelacakan dengan kode Anda, atau balas di obrolan ini.",
    answerSms: "(Balas SMS ini untuk menjawab.)",
    answerChat: "(Balas di obrolan ini untuk menjawab.)",
  },
  staff: {
    securityNotice: {
      title: "Upaya masuk ke akun Anda",
      failed_other:
        "{{count}} upaya masuk yang gagal ke akun Anda sejak terakhir Anda masuk, yang terbaru pada {{date}}. Jika itu bukan Anda, beri tahu administrator Anda.",
      alerts_other:
        "{{count}} peringatan upaya masuk gagal berulang pada akun sejak terakhir Anda masuk. Rinciannya ada di log audit.",
      dismiss: "Saya mengerti",
    },
    navLabel: "Area staf",
    assistedReporting: "Melapor atas nama orang lain",
    home: "Halaman awal",
    signInSoon: "Alat lain untuk area ini hadir pada rilis berikutnya.",
    signInSoonDetail: "Anda sudah masuk; halaman ini akan terisi seiring pekerjaan selesai.",
    signIn: {
      title: "Masuk",
      email: "Email",
      password: "Kata sandi",
      continue: "Lanjutkan",
      codeTitle: "Masukkan kode masuk Anda",
      code: "Kode 6 digit",
      codeHint: "Buka aplikasi autentikator Anda dan ketik kode yang ditampilkan untuk akun ini.",
      recoveryCode: "Kode pemulihan",
      verify: "Masuk",
      useRecovery: "Gunakan kode pemulihan",
      useApp: "Gunakan aplikasi autentikator",
      restart: "Mulai lagi",
      locked: "Anda dikeluarkan setelah beberapa saat tidak ada aktivitas. Masuk lagi untuk melanjutkan.",
      signedOut: "Anda sudah keluar.",
    },
    enrol: {
      title: "Atur masuk dua langkah",
      intro: "Pindai kode QR ini dengan aplikasi autentikator di ponsel Anda, lalu masukkan kode yang ditampilkan.",
      qrAlt: "Kode QR untuk menambahkan akun ini ke aplikasi autentikator",
      manual: "Jika tidak bisa memindai, ketik kunci ini ke dalam aplikasi:",
    },
    recovery: {
      title: "Simpan kode pemulihan Anda",
      intro:
        "Setiap kode memungkinkan Anda masuk satu kali jika ponsel Anda hilang. Simpan di tempat yang aman: kode hanya ditampilkan sekarang.",
      saved: "Saya sudah menyimpan kode pemulihan",
      continue: "Lanjutkan",
    },
    account: {
      signOut: "Keluar",
      signOutEverywhere: "Keluar dari semua perangkat",
    },
    notifications: {
      title: "Pemberitahuan email",
      intro:
        "Email tentang laporan baru di wilayah Anda, laporan yang ditugaskan kepada Anda, dan eskalasi kepada Anda.",
      legend: "Kirimi saya email ini",
      choices: {
        immediate: "Segera, satu email per kejadian",
        digest: "Sekali sehari, semuanya sekaligus (ringkasan harian)",
        off: "Tidak pernah",
      },
      privacy:
        "Email hanya menyebutkan apa yang terjadi, di wilayah mana, dan tautan ke laporan di kotak masuk: tidak pernah kata-kata atau kontak pelapor.",
      save: "Simpan pilihan saya",
      saved: "Tersimpan.",
    },
    password: {
      title: "Ubah kata sandi",
      pageTitle: "Akun Anda",
      intro:
        "Ketik kata sandi Anda saat ini, lalu kata sandi baru dua kali. Anda tetap masuk di sini; semua perangkat lain akan dikeluarkan.",
      forcedTitle: "Pilih kata sandi Anda sendiri",
      forcedIntro:
        "Seorang administrator memilih kata sandi yang Anda pakai untuk masuk. Pilih kata sandi yang hanya Anda ketahui sebelum melanjutkan.",
      current: "Kata sandi saat ini",
      given: "Kata sandi yang diberikan kepada Anda",
      new: "Kata sandi baru",
      again: "Ulangi kata sandi baru",
      policy: "Minimal 12 karakter, bukan kata sandi umum, bukan email Anda.",
      wrongCurrent: "Kata sandi saat ini tidak benar.",
      mismatch: "Kedua kata sandi baru tidak sama.",
      save: "Simpan kata sandi baru",
      changed: "Kata sandi Anda telah diubah. Perangkat lain sudah dikeluarkan.",
    },
    reset: {
      title: "Atur ulang kata sandi Anda",
      formTitle: "Pilih kata sandi baru",
      intro:
        "Seorang administrator mengirimkan tautan sekali pakai ini kepada Anda. Pilih kata sandi baru; lalu masuk dan atur lagi aplikasi autentikator Anda.",
      noToken:
        "Halaman ini memerlukan tautan lengkap yang Anda terima. Buka tautan itu lagi, atau minta tautan baru kepada administrator.",
      save: "Tetapkan kata sandi",
      doneTitle: "Kata sandi baru Anda sudah ditetapkan",
      doneBody:
        "Masuklah dengan kata sandi itu. Setelah itu Anda akan mengatur lagi masuk dua langkah dengan aplikasi autentikator.",
      signIn: "Masuk",
    },
    noAccess: {
      title: "Peran Anda tidak dapat menggunakan area ini",
      body: "Akun Anda ({{role}}) tidak mencakup bagian platform ini. Tanyakan kepada administrator jika Anda memerlukannya.",
      home: "Ke area Anda: {{place}}",
      instead: "Anda juga dapat menggunakan:",
    },
  },
  roles: {
    peer_supporter: "Pendamping sebaya",
    data_manager: "Pengelola data",
    first_responder: "Penanggap pertama",
    analyst: "Analis",
    country_admin: "Administrator nasional",
    system_admin: "Administrator sistem",
    auditor: "Auditor",
    content_editor: "Editor konten",
  },
  notFound: {
    title: "Halaman tidak ditemukan",
    body: "Halaman ini tidak ada atau sudah dipindahkan.",
    home: "Ke halaman awal",
  },
  problem: {
    title: "Terjadi kesalahan",
    network: "Kami tidak dapat menghubungi server. Periksa koneksi Anda dan coba lagi.",
  },
  errors: {
    VALIDATION_FAILED: "Ada informasi yang kurang atau tidak valid.",
    MALFORMED_JSON: "Permintaan tidak dapat dibaca.",
    UNSUPPORTED_MEDIA_TYPE: "Permintaan tidak dapat dibaca.",
    UNAUTHENTICATED: "Silakan masuk.",
    MFA_REQUIRED: "Masukkan kode dari aplikasi autentikator Anda.",
    INVALID_CREDENTIALS: "Email atau kata sandi tidak benar.",
    INVALID_MFA_CODE: "Kode tidak benar.",
    SESSION_EXPIRED: "Sesi Anda telah berakhir. Silakan masuk lagi.",
    FORBIDDEN: "Anda tidak diizinkan melakukan ini.",
    COUNTRY_SCOPE_REQUIRED:
      "Ini berlaku untuk seluruh negeri: hanya administrator dengan cakupan nasional yang dapat mengubahnya.",
    CSRF_FAILED: "Silakan muat ulang halaman dan coba lagi.",
    NOT_FOUND: "Tidak ditemukan.",
    ROUTE_NOT_FOUND: "Tidak ditemukan.",
    CONFLICT: "Ini sudah diubah oleh orang lain. Muat ulang dan coba lagi.",
    ALREADY_DECIDED: "Keputusan atas laporan ini sudah dibuat.",
    VERSION_CONFLICT: "Ini sudah diubah oleh orang lain. Muat ulang dan coba lagi.",
    INVALID_TRANSITION: "Perubahan status ini tidak dapat dilakukan.",
    PAYLOAD_TOO_LARGE: "Ukurannya terlalu besar untuk dikirim.",
    RATE_LIMITED: "Terlalu banyak percobaan. Tunggu sebentar lalu coba lagi.",
    UNKNOWN_CATEGORY: "Silakan pilih kategori dari daftar.",
    UNKNOWN_SUBCATEGORY: "Silakan pilih topik dari daftar.",
    UNKNOWN_CHALLENGE_TYPE: "Silakan pilih hambatan dari daftar.",
    UNKNOWN_KEY_POPULATION: "Silakan pilih kelompok dari daftar.",
    UNKNOWN_AREA: "Silakan pilih wilayah dari daftar.",
    UNKNOWN_FACILITY: "Silakan pilih tempat dari daftar.",
    PLACE_REQUIRED: "Silakan sebutkan di mana hal ini terjadi.",
    POSITION_OUTSIDE_AREAS: "Posisi Anda berada di luar wilayah yang dicakup. Silakan pilih wilayah.",
    WEAK_PASSWORD: "Silakan pilih kata sandi yang lebih panjang dan tidak umum.",
    TRIVIAL_PIN: "PIN ini terlalu mudah ditebak (angka berulang, urutan seperti 123456, tanggal). Pilih PIN lain.",
    PASSWORD_CHANGE_REQUIRED: "Pilih kata sandi Anda sendiri sebelum melanjutkan.",
    RESET_LINK_INVALID:
      "Tautan atur ulang ini sudah kedaluwarsa atau sudah dipakai. Minta tautan baru kepada administrator.",
    PLACEHOLDER_MISMATCH:
      "Terjemahan harus mempertahankan setiap placeholder teks asli (nama di dalam kurung kurawal ganda) dan tidak menambah yang baru.",
    SERVICE_UNAVAILABLE: "Layanan sedang sibuk. Silakan coba lagi sebentar lagi.",
    REAUTH_REQUIRED: "Silakan konfirmasi kata sandi Anda untuk melanjutkan.",
    EMAIL_TAKEN: "Alamat email ini sudah digunakan.",
    LAST_SYSTEM_ADMIN: "Ini satu-satunya administrator sistem yang aktif. Tunjuk administrator lain terlebih dahulu.",
    MFA_NOT_ENROLLED: "Atur masuk dua langkah terlebih dahulu.",
    NICKNAME_NOT_ALLOWED:
      "Pilih nama panggilan yang tidak menunjukkan siapa Anda: tanpa nama asli, nomor telepon, atau email.",
    ACCOUNT_SUSPENDED: "Moderator untuk sementara menghentikan akun ini dari mengirim tulisan.",
    MEMBERS_ONLY: "Masuk ke akun komunitas Anda untuk membaca forum.",
    ALREADY_RATED: "Anda sudah menilai tempat ini dalam 30 hari terakhir. Anda dapat menilainya lagi nanti.",
    CODE_IN_USE:
      "Laporan sudah menggunakan kode ini, sehingga kode tidak dapat diubah atau dihapus. Nonaktifkan item ini saja.",
    CODE_TAKEN: "Item lain sudah memakai kode ini. Pilih kode yang berbeda.",
    PERIOD_NOT_CLOSED: "Periode ini belum berakhir: angkanya masih bisa berubah. Pilih periode yang sudah ditutup.",
    ALREADY_PUSHED: "Periode ini sudah dikirim ke DHIS2. Centang “kirim lagi” untuk mengoreksinya.",
    DHIS2_NOT_CONFIGURED: "DHIS2 belum diatur: isi alamat, token, dan pemetaan terlebih dahulu.",
    REPORT_ERASED:
      "Laporan ini telah dihapus: data pribadi dan pesannya sudah hilang, dan tidak ada lagi yang dapat menulis di sini.",
    PUBLIC_QUERY_NOT_ALLOWED:
      "Angka yang dipublikasikan menerima satu nilai per filter, dan hanya laporan yang dibagikan untuk publikasi.",
    PERIOD_NOT_CALENDAR: "Angka yang dipublikasikan mencakup satu bulan kalender, satu triwulan, atau satu tahun.",
    INTERNAL: "Terjadi kesalahan di pihak kami. Silakan coba lagi.",
    MALFORMED_REQUEST: "Permintaan tidak dapat dibaca.",
    REQUEST_TIMEOUT: "Koneksi terlalu lambat. Silakan coba lagi.",
    HEADERS_TOO_LARGE: "Permintaan terlalu besar untuk dikirim.",
  },
  help: {
    link: "Bantuan",
    newTab: "(terbuka di tab baru)",
  },
  tour: {
    start: "Ikuti tur",
    startFor: "Ikuti tur layar ini",
    step: "Langkah {{current}} dari {{total}}",
    next: "Berikutnya",
    back: "Kembali",
    done: "Selesai",
    close: "Tutup tur",
    inbox: {
      queue: {
        title: "Antrean Anda",
        body: "Laporan dari wilayah Anda, yang terbaru lebih dulu. Buka satu untuk membacanya, memvalidasi atau menolaknya, menugaskannya dan membalas pelapor.",
      },
      search: {
        title: "Pencarian",
        body: "Temukan laporan dengan kode pelacakannya atau dengan kata-kata dari deskripsinya.",
      },
      filters: {
        title: "Filter",
        body: "Persempit antrean menurut status, tempat, kategori, siapa yang memegang laporan dan lainnya. Alamat halaman menyimpan filter Anda: tandai atau simpan sebagai tampilan.",
      },
      training: {
        title: "Mode pelatihan",
        body: "Berlatihlah pada laporan latihan: laporan itu tidak pernah dihitung dalam angka apa pun, dan apa pun yang Anda lakukan di sana tidak dikirim kepada siapa pun.",
      },
      help: {
        title: "Bantuan",
        body: "Manual untuk layar ini terbuka di tab baru. Anda dapat mengikuti tur ini lagi dari sini.",
      },
    },
    setup: {
      checklist: {
        title: "Daftar periksa pengaturan",
        body: "Apa yang sudah dilakukan negara sejauh ini, dan apa yang tersisa sebelum laporan dapat masuk.",
      },
      sections: {
        title: "Bagian-bagian",
        body: "Setiap bagian memuat satu bagian pengaturan negara: geografi, fasilitas, formulir, konten, akun staf dan lainnya.",
      },
      nav: { title: "Navigasi pengaturan", body: "Berpindah antarbagian dari sini di setiap halaman Pengaturan." },
      help: {
        title: "Bantuan",
        body: "Manual untuk layar ini terbuka di tab baru. Anda dapat mengikuti tur ini lagi dari sini.",
      },
    },
  },
};

export default common;
