import type { DemoContentTranslation } from "./demo-content.js";

/** Demoland's sample content in Bahasa Indonesia, by slug (machine-assisted: to be reviewed like the rest). */
export const demoContentId: DemoContentTranslation = {
  "right-to-health": {
    title: "Hak Anda atas kesehatan",
    summary: "Layanan TBC harus tersedia, terjangkau, menghormati Anda, dan bermutu baik.",
    body: "Setiap orang berhak atas standar kesehatan tertinggi yang dapat dicapai. Untuk TBC, artinya:\n\n- **Tersedia**: pemeriksaan dan obat ada di klinik Anda.\n- **Terjangkau**: Anda dapat mencapai layanan dan membayarnya. Di sebagian besar program nasional, pemeriksaan dan obat TBC gratis.\n- **Dapat diterima**: petugas memperlakukan Anda dengan hormat dan dalam bahasa yang Anda pahami.\n- **Bermutu baik**: Anda mendapat pemeriksaan dan pengobatan sesuai pedoman terkini.\n\nJika salah satunya tidak ada, Anda dapat melaporkannya di aplikasi ini.",
  },
  "freedom-from-discrimination": {
    title: "Bebas dari diskriminasi",
    summary:
      "Tidak seorang pun boleh menolak Anda berobat, bekerja, atau bersekolah karena Anda sedang atau pernah sakit TBC.",
    body: "Sedang atau pernah sakit TBC bukan alasan untuk memperlakukan Anda lebih buruk daripada orang lain.\n\n- Klinik tidak boleh menolak mengobati Anda atau membuat Anda menunggu paling akhir karena TBC.\n- Pemberi kerja tidak boleh memecat Anda karena TBC. Orang yang menjalani pengobatan yang efektif biasanya dapat kembali bekerja atau bersekolah saat tenaga kesehatan mengizinkan.\n- Keluarga, pemilik rumah, atau sekolah Anda tidak boleh mengucilkan Anda.\n\nDiskriminasi sering juga terkait dengan hal lain: menjadi perempuan, pendatang, hidup dengan HIV, menggunakan napza, atau berada di lapas. Hak Anda tetap sama.",
  },
  "privacy-and-confidentiality": {
    title: "Privasi dan kerahasiaan",
    summary:
      "Informasi kesehatan Anda milik Anda. Informasi itu hanya dibagikan kepada orang yang merawat Anda, atau dengan persetujuan Anda.",
    body: "- Tenaga kesehatan wajib merahasiakan diagnosis TBC Anda.\n- Mereka tidak boleh memberi tahu atasan, tetangga, atau keluarga Anda tanpa persetujuan Anda.\n- Anda dapat meminta diperiksa di ruang tertutup dan meminta rekam medis Anda disimpan dengan aman.\n\nLaporan yang Anda buat di aplikasi ini juga ditangani secara rahasia: Anda dapat melapor tanpa menyebutkan nama.",
  },
  "informed-consent": {
    title: "Persetujuan setelah penjelasan",
    summary: "Anda berhak memahami pemeriksaan atau pengobatan dan menyetujuinya sebelum dimulai.",
    body: "Sebelum pemeriksaan atau pengobatan, tenaga kesehatan harus menjelaskan dengan kata-kata yang Anda pahami:\n\n1. untuk apa dan bagaimana caranya;\n2. berapa lama pengobatan berlangsung dan efek samping apa yang bisa terjadi;\n3. pilihan lain apa yang ada.\n\nAnda boleh bertanya, meminta didampingi orang yang Anda percaya, dan meluangkan waktu untuk memutuskan.",
  },
  "when-a-right-is-denied": {
    title: "Apa yang dilakukan jika hak Anda dilanggar",
    summary: "Catat apa yang terjadi, laporkan di sini, dan minta dukungan.",
    body: "1. **Catat** apa yang terjadi: tanggal, tempat, dan jika bisa, siapa yang terlibat.\n2. **Laporkan** di aplikasi ini lewat *Laporkan masalah*. Anda boleh tetap anonim. Anda mendapat kode untuk mengikuti laporan Anda.\n3. **Minta dukungan**: pendamping sebaya atau layanan bantuan hukum dapat membantu Anda. Lihat *Di dekat saya* untuk layanan terdekat.\n\nPenanggap membaca setiap laporan. Pola dari banyak laporan ditunjukkan kepada program TBC agar dapat diperbaiki.",
  },
  "legal-aid": {
    title: "Bantuan hukum",
    summary:
      "Konsultasi hukum gratis dapat membantu saat Anda kehilangan pekerjaan, ditolak berobat, atau privasi Anda dilanggar.",
    body: "Layanan bantuan hukum dan beberapa LSM memberi konsultasi gratis bagi orang yang terdampak TBC. Mereka dapat:\n\n- menjelaskan hak Anda dalam situasi Anda;\n- membantu Anda menulis pengaduan;\n- mendampingi Anda berbicara dengan pemberi kerja, klinik, atau pejabat.\n\nDi aplikasi ini, *Di dekat saya* mencantumkan layanan bantuan hukum. Saat melaporkan masalah, Anda juga dapat meminta untuk dihubungi.",
  },
  "tb-symptoms": {
    title: "Gejala TBC",
    summary: "Batuk dua minggu atau lebih, demam, keringat malam, dan berat badan turun bisa menjadi gejala TBC.",
    body: "TBC biasanya menyerang paru-paru. Gejala yang umum:\n\n- batuk yang berlangsung **dua minggu atau lebih**, kadang berdarah;\n- demam dan berkeringat pada malam hari;\n- berat badan turun tanpa sebab;\n- merasa sangat lelah, nyeri dada.\n\nTBC dapat disembuhkan. Jika Anda mengalami gejala ini, datanglah ke klinik dan minta pemeriksaan TBC. Anak-anak dan orang dengan HIV bisa mengalami gejala yang lebih sedikit atau berbeda.",
  },
  "tb-testing": {
    title: "Pemeriksaan TBC",
    summary: "Tes cepat molekuler pada sampel dahak dapat menemukan TBC dan resistansi obat dalam beberapa jam.",
    body: "Organisasi Kesehatan Dunia (WHO) menganjurkan **tes cepat molekuler (TCM)** sebagai pemeriksaan pertama untuk TBC. Biasanya memakai sampel dahak (lendir yang Anda batukkan) dan juga menunjukkan apakah TBC kebal terhadap rifampisin, salah satu obat utama TBC.\n\nRontgen dada dapat membantu menemukan orang yang perlu diperiksa. Anak-anak dapat diperiksa dengan sampel lain, misalnya tinja.\n\nTanyakan hasil Anda dan artinya. Pemeriksaan TBC gratis di sebagian besar program nasional.",
  },
  "tb-treatment": {
    title: "Pengobatan dan lamanya",
    summary: "TBC disembuhkan dengan beberapa obat yang diminum setiap hari, biasanya selama 4 sampai 6 bulan.",
    body: "- Pengobatan biasa untuk TBC yang tidak resistan obat berlangsung **6 bulan**: empat obat selama 2 bulan, lalu dua obat selama 4 bulan.\n- Pengobatan yang lebih singkat, **4 bulan**, dianjurkan untuk sebagian orang, misalnya anak dengan TBC yang tidak berat.\n- Minum setiap dosis, bahkan saat Anda merasa lebih baik. Berhenti terlalu cepat dapat membuat TBC kambuh dan menjadi resistan obat.\n\nMintalah pendamping minum obat atau pengingat kepada tenaga kesehatan jika Anda membutuhkannya.",
  },
  "side-effects": {
    title: "Efek samping dan apa yang harus dilakukan",
    summary:
      "Sebagian besar efek samping ringan. Beberapa perlu segera ditangani tenaga kesehatan. Jangan pernah berhenti berobat sendiri.",
    body: "**Umum dan biasanya ringan**: mual, nafsu makan berkurang, nyeri sendi. Minum obat dengan sedikit makanan dapat membantu. Air seni dan air mata berwarna oranye atau merah adalah hal biasa dengan rifampisin.\n\n**Segera beri tahu tenaga kesehatan**: kesemutan atau rasa terbakar di tangan atau kaki (vitamin B6 dapat membantu), gatal atau ruam.\n\n**Segera datangi tenaga kesehatan**: mata atau kulit menguning, air seni berwarna gelap, muntah berulang kali, perubahan penglihatan, ruam berat.\n\nJangan berhenti minum obat sendiri: tenaga kesehatan dapat mengubah pengobatan dengan aman. Jika efek samping tidak ditanggapi serius, Anda dapat melaporkannya di sini.",
  },
  "drug-resistant-tb": {
    title: "TBC resistan obat",
    summary:
      "TBC resistan obat juga dapat disembuhkan. Pengobatan yang lebih baru lebih singkat, sering 6 bulan, dan berupa tablet.",
    body: "TBC disebut resistan obat jika obat utama tidak lagi mempan melawannya. TBC ini dapat menular kepada orang lain atau muncul ketika pengobatan terputus.\n\n- TBC ini ditemukan dengan tes cepat yang sama dan pemeriksaan lanjutan di laboratorium.\n- Organisasi Kesehatan Dunia menganjurkan **pengobatan 6 bulan dengan empat obat yang diminum** (BPaLM) bagi banyak orang berusia 14 tahun ke atas. Yang lain menerima pengobatan 9 bulan atau lebih.\n- Dukungan makanan, ongkos perjalanan, dan penanganan efek samping membantu orang menyelesaikan pengobatan.\n\nTBC resistan obat dapat disembuhkan.",
  },
  "preventive-treatment": {
    title: "Terapi pencegahan",
    summary:
      "Orang yang berisiko tinggi dapat menjalani pengobatan singkat yang mencegah infeksi TBC menjadi sakit TBC.",
    body: "Sebagian orang membawa infeksi TBC tanpa sakit. Terapi pencegahan menurunkan kemungkinan infeksi itu berubah menjadi sakit TBC.\n\nTerapi ini terutama ditawarkan kepada orang dengan HIV dan kontak serumah orang dengan TBC, setelah tenaga kesehatan memastikan mereka tidak sakit TBC.\n\nPilihan singkat yang dianjurkan Organisasi Kesehatan Dunia antara lain **3 bulan** dosis mingguan dua obat, atau **1 bulan** dosis harian. Pilihan yang lebih panjang berlangsung 6 bulan.",
  },
  "household-contacts": {
    title: "Keluarga dan kontak serumah",
    summary: "Orang yang tinggal bersama Anda perlu diperiksa TBC; anak di bawah 5 tahun perlu perhatian khusus.",
    body: "TBC menyebar melalui udara ketika orang dengan TBC paru batuk, berbicara, atau bernyanyi.\n\n- Setiap orang yang tinggal bersama Anda perlu **diperiksa TBC**, terutama anak di bawah 5 tahun dan orang dengan HIV.\n- Mereka yang tidak sakit TBC dapat ditawari terapi pencegahan.\n- Buka jendela dan tutup mulut saat batuk. Setelah beberapa minggu pengobatan yang efektif, kemungkinan seseorang menularkan TBC jauh lebih kecil.\n\nAnda tidak perlu piring atau gelas terpisah: TBC tidak menular dengan cara itu.",
  },
  "nutrition-and-support": {
    title: "Gizi dan dukungan",
    summary: "Makanan bergizi, uang untuk ongkos perjalanan, dan teman bicara membantu orang menyelesaikan pengobatan.",
    body: "- **Makanan**: TBC dan pengobatannya menguras tenaga. Makanlah secara teratur jika bisa. Tanyakan apakah program Anda memberi bantuan makanan.\n- **Uang**: banyak orang kehilangan penghasilan selama sakit TBC. Tanyakan bantuan ongkos perjalanan, bantuan tunai, atau perlindungan sosial.\n- **Perasaan**: cemas dan sedih itu wajar. Berbicara dengan pendamping sebaya, konselor, atau kelompok dukungan membantu.\n\n*Di dekat saya* mencantumkan layanan gizi, perlindungan sosial, dan psikososial.",
  },
  "is-tb-curable": {
    title: "Apakah TBC dapat disembuhkan?",
    summary: "Ya.",
    body: "Ya. TBC, termasuk TBC resistan obat, dapat disembuhkan jika pengobatan dijalani sampai tuntas.",
  },
  "missed-a-dose": {
    title: "Bagaimana jika saya lupa minum satu dosis?",
    summary: "Beri tahu tenaga kesehatan atau pendamping minum obat Anda.",
    body: "Beri tahu tenaga kesehatan atau pendamping minum obat Anda secepatnya; mereka akan memberi tahu apa yang harus dilakukan. Jangan minum dua dosis sekaligus untuk menggantinya.",
  },
  "work-and-school": {
    title: "Apakah saya boleh tetap bekerja atau bersekolah?",
    summary: "Biasanya boleh, setelah tenaga kesehatan menyatakan Anda tidak lagi menular.",
    body: "Biasanya boleh. Setelah beberapa minggu pengobatan yang efektif, kebanyakan orang dapat kembali bekerja atau bersekolah; tenaga kesehatan akan memberi tahu kapan. Kehilangan pekerjaan atau tempat di sekolah karena TBC adalah diskriminasi: Anda dapat melaporkannya.",
  },
  "is-my-report-private": {
    title: "Siapa yang melihat laporan saya?",
    summary: "Hanya penanggap yang menanganinya. Angka publik tidak pernah menunjukkan siapa yang melapor.",
    body: "Hanya penanggap terlatih di wilayah Anda yang membaca laporan Anda. Anda dapat melapor tanpa nama. Angka yang ditunjukkan kepada publik berupa hitungan, dan angka kecil disembunyikan agar tidak ada yang dapat dikenali.",
  },
  "your-reports-are-being-resolved": {
    title: "Laporan Anda sedang ditangani",
    summary: "Para penanggap di Demoland sedang menangani masalah yang Anda laporkan.",
    body: "Setiap laporan dibaca oleh penanggap. Ketika masalah sudah diperbaiki, orang yang melaporkannya diminta untuk mengonfirmasi. Terima kasih telah melapor: dengan begitulah masalah diketahui dan diperbaiki.",
    figureLabel: "Laporan yang diselesaikan tahun ini",
  },
  "medicines-are-free": {
    title: "Pengingat: obat TBC gratis",
    summary: "Beberapa laporan menyebutkan orang diminta membayar obat TBC. Obat itu gratis.",
    body: "Beberapa dari Anda melaporkan diminta membayar obat TBC. Dalam program Demoland, pemeriksaan dan obat TBC gratis di klinik pemerintah. Jika Anda diminta membayar, laporkan di sini: penanggap menindaklanjutinya dengan klinik tersebut.",
  },
};
