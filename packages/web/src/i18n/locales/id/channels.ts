import type { PartialCatalog } from "../../catalog.js";
import type en from "../en/channels.js";

const channels: PartialCatalog<typeof en> = {
  category: "Apa yang terjadi?",
  subcategory: "Jenis apa?",
  challengeType: "Paling mirip:",
  region: "Wilayah mana?",
  districtPrefix: "Ketik huruf awal nama kabupaten (1: lihat daftar):",
  noDistrict: "Tidak ada kabupaten seperti itu. Ketik huruf lain (1: lihat daftar):",
  district: "Kabupaten mana?",
  facility: "Tempat mana?",
  noFacility: "Tidak ada di sini",
  occurredOn: "Kapan?",
  today: "Hari ini",
  yesterday: "Kemarin",
  lastWeek: "Minggu ini",
  lastMonth: "Bulan ini",
  gender: "Anda:",
  female: "Perempuan",
  male: "Laki-laki",
  transgender: "Transgender",
  other: "Lainnya",
  undisclosed: "Tidak ingin menyebutkan",
  ageGroup: "Usia Anda:",
  keyPopulations: "Apakah Anda termasuk salah satu kelompok ini?",
  noneOfThese: "Tidak / tidak menyebutkan",
  contactMeChat: "Bolehkah kami menulis kepada Anda di obrolan ini saat laporan Anda dijawab?",
  contactMe: "Bolehkah kami mengirim SMS tentang laporan ini ke nomor ini?",
  shareDeidentified: "Bolehkah kami menghitungnya, tanpa nama Anda, dalam angka publik?",
  useInAdvocacyStories: "Bolehkah kami menceritakan kejadiannya, tanpa nama Anda, untuk mendorong perubahan?",
  yes: "Ya",
  no: "Tidak",
  more: "Lagi",
  back: "Kembali",
  invalid: "Pilihan tidak ada.",
  done: "Terima kasih. Kode laporan Anda {{code}}. Simpan untuk mengikuti laporan Anda.",
  failed: "Maaf, laporan Anda tidak dapat diterima sekarang. Coba lagi nanti.",
  simulated: "UJI: laporan akan diterima. Tidak ada yang disimpan atau dikirim.",
  chatStart:
    "Halo. Layanan ini menerima laporan masalah layanan kesehatan secara rahasia. Pilih dengan tombol atau ketik nomor pilihan.",
  choose: "Pilih",
  smsStart: "Untuk melaporkan masalah, balas REPORT.",
  replyTaken: "Terima kasih. Pesan Anda ditambahkan ke laporan {{code}}.",
  // Messages the platform itself writes in the reporter's conversation (app, SMS, chat): a report accepted,
  // resolved, declined (why, and what the person can do), or part of a change. Never the illness.
  thread: {
    validated:
      "Terima kasih. Laporan Anda sudah diperiksa dan diterima. Seorang petugas akan menghubungi Anda di sini.",
    resolved: "Kami rasa masalah Anda sudah teratasi. Benarkah? Beri tahu kami di halaman ini.",
    changed:
      "Terima kasih sudah bersuara. Laporan Anda, bersama laporan lain, membawa perubahan. Buka Apa yang berubah di aplikasi untuk membacanya.",
    declined: {
      duplicate:
        "Terima kasih atas laporan Anda. Kami sudah memiliki laporan tentang masalah yang sama dan tim sedang menanganinya, jadi salinan ini kami tutup. Anda tidak perlu melakukan apa pun. Jika ada hal baru yang terjadi, Anda dapat mengirim laporan baru.",
      not_registered:
        "Terima kasih atas laporan Anda. Program ini hanya dapat menindaklanjuti laporan dari orang yang terdaftar untuk berobat di program ini, dan kami tidak menemukan pendaftaran tersebut. Klinik atau kader komunitas dapat membantu Anda mendaftar; setelah itu Anda dapat melapor lagi.",
      spam: "Terima kasih atas laporan Anda. Laporan ini tidak tampak seperti masalah nyata dengan layanan atau dukungan, sehingga kami tidak dapat menindaklanjutinya. Jika ini masalah nyata, silakan kirim lagi dan ceritakan apa yang terjadi, di mana, dan kapan.",
      insufficient_information:
        "Terima kasih atas laporan Anda. Informasinya belum cukup bagi kami untuk bertindak. Anda dapat mengirim laporan baru dengan rincian lebih banyak: apa yang terjadi, di mana, dan kapan. Anda juga dapat menulis kepada kami di sini.",
      out_of_scope:
        "Terima kasih atas laporan Anda. Masalah ini di luar hal yang dapat dibantu program ini. Di aplikasi, “Dapatkan layanan” mencantumkan layanan di dekat Anda yang mungkin dapat membantu.",
      other:
        "Terima kasih atas laporan Anda. Kali ini kami tidak dapat menindaklanjutinya. Jika Anda punya pertanyaan, tulis kepada kami di sini dan seorang pendamping akan menjawab.",
    },
  },
};

export default channels;
