import type { DeclineReason } from "@openclm/contracts";
import { pickText } from "../platform/i18n-text.js";

/**
 * What a reporter reads when their report is declined: why, in plain words, and what they can do now. One text per
 * decline reason (PRODUCT.md 3.2), in every language the platform ships. Like every message the platform sends
 * itself, it never names the illness: phones are shared.
 */
const declineNotices: Record<
  DeclineReason,
  Record<"en" | "fr" | "ru" | "pt" | "id" | "sw" | "km" | "tg" | "uk" | "kk", string>
> = {
  duplicate: {
    en: "Thank you for your report. We already have a report about this same problem, and the team is working on that one, so we closed this copy. You do not need to do anything. If something new happened, you can send a new report.",
    fr: "Merci pour votre signalement. Nous avons déjà un signalement sur ce même problème et l'équipe s'en occupe : nous avons donc fermé cette copie. Vous n'avez rien à faire. Si quelque chose de nouveau s'est passé, vous pouvez faire un nouveau signalement.",
    ru: "Спасибо за ваше обращение. У нас уже есть обращение об этой же проблеме, и команда работает над ним, поэтому эту копию мы закрыли. Вам ничего не нужно делать. Если случилось что-то новое, вы можете отправить новое обращение.",
    pt: "Obrigado pelo seu relato. Já temos um relato sobre este mesmo problema e a equipa está a tratar dele, por isso fechámos esta cópia. Não precisa de fazer nada. Se aconteceu algo novo, pode enviar um novo relato.",
    id: "Terima kasih atas laporan Anda. Kami sudah memiliki laporan tentang masalah yang sama dan tim sedang menanganinya, jadi salinan ini kami tutup. Anda tidak perlu melakukan apa pun. Jika ada hal baru yang terjadi, Anda dapat mengirim laporan baru.",
    sw: "Asante kwa ripoti yako. Tayari tuna ripoti kuhusu tatizo hili hili, na timu inaishughulikia, kwa hiyo tumefunga nakala hii. Huhitaji kufanya chochote. Kama kuna jambo jipya limetokea, unaweza kutuma ripoti mpya.",
    km: "សូមអរគុណសម្រាប់របាយការណ៍របស់អ្នក។ យើងមានរបាយការណ៍អំពីបញ្ហាដដែលនេះរួចហើយ ហើយក្រុមការងារកំពុងដោះស្រាយវា ដូច្នេះយើងបានបិទច្បាប់ចម្លងនេះ។ អ្នកមិនចាំបាច់ធ្វើអ្វីទេ។ ប្រសិនបើមានរឿងថ្មីកើតឡើង អ្នកអាចផ្ញើរបាយការណ៍ថ្មី។",
    tg: "Ташаккур барои хабаратон. Мо аллакай дар бораи ҳамин мушкил хабар дорем ва гурӯҳ бо он кор мекунад, бинобар ин ин нусхаро пӯшидем. Ба шумо ягон кор кардан лозим нест. Агар чизи нав рӯй дода бошад, метавонед хабари нав фиристед.",
    uk: "Дякуємо за ваше звернення. У нас уже є звернення про цю саму проблему, і команда над ним працює, тому цю копію ми закрили. Вам нічого не потрібно робити. Якщо сталося щось нове, ви можете надіслати нове звернення.",
    kk: "Өтінішіңізге рақмет. Бізде осы мәселе туралы өтініш бар және топ онымен жұмыс істеп жатыр, сондықтан бұл көшірмені жаптық. Сізге ештеңе істеудің қажеті жоқ. Жаңа бірдеңе болса, жаңа өтініш жібере аласыз.",
  },
  not_registered: {
    en: "Thank you for your report. This programme can take up reports only from people registered for care with it, and we could not find that registration. A clinic or a community worker can help you register; then you can report again.",
    fr: "Merci pour votre signalement. Ce programme ne peut traiter que les signalements des personnes inscrites pour des soins auprès de lui, et nous n'avons pas trouvé cette inscription. Une clinique ou un agent communautaire peut vous aider à vous inscrire ; vous pourrez ensuite faire un nouveau signalement.",
    ru: "Спасибо за ваше обращение. Программа может рассматривать обращения только от людей, которые зарегистрированы в ней для лечения, а мы не нашли такой регистрации. Клиника или общественный работник помогут вам зарегистрироваться; после этого вы можете сообщить снова.",
    pt: "Obrigado pelo seu relato. Este programa só pode tratar relatos de pessoas registadas nele para receber cuidados, e não encontrámos esse registo. Uma clínica ou um agente comunitário pode ajudá-lo a registar-se; depois pode relatar outra vez.",
    id: "Terima kasih atas laporan Anda. Program ini hanya dapat menindaklanjuti laporan dari orang yang terdaftar untuk berobat di program ini, dan kami tidak menemukan pendaftaran tersebut. Klinik atau kader komunitas dapat membantu Anda mendaftar; setelah itu Anda dapat melapor lagi.",
    sw: "Asante kwa ripoti yako. Programu hii inaweza kushughulikia ripoti za watu waliosajiliwa kupata huduma ndani yake tu, na hatukupata usajili huo. Kliniki au mhudumu wa afya ya jamii anaweza kukusaidia kujisajili; kisha unaweza kuripoti tena.",
    km: "សូមអរគុណសម្រាប់របាយការណ៍របស់អ្នក។ កម្មវិធីនេះអាចទទួលយករបាយការណ៍បានតែពីអ្នកដែលបានចុះឈ្មោះទទួលការថែទាំជាមួយកម្មវិធីប៉ុណ្ណោះ ហើយយើងរកមិនឃើញការចុះឈ្មោះនោះទេ។ គ្លីនិក ឬភ្នាក់ងារសហគមន៍អាចជួយអ្នកចុះឈ្មោះ; បន្ទាប់មកអ្នកអាចរាយការណ៍ម្ដងទៀត។",
    tg: "Ташаккур барои хабаратон. Ин барнома танҳо хабарҳои одамонеро қабул карда метавонад, ки барои табобат дар он ба қайд гирифта шудаанд, ва мо чунин бақайдгириро наёфтем. Клиника ё корманди ҷамъиятӣ метавонад ба шумо дар бақайдгирӣ кӯмак кунад; баъд метавонед боз хабар диҳед.",
    uk: "Дякуємо за ваше звернення. Програма може розглядати звернення лише від людей, зареєстрованих у ній для лікування, а ми не знайшли такої реєстрації. Клініка або соціальний працівник допоможуть вам зареєструватися; після цього ви можете повідомити знову.",
    kk: "Өтінішіңізге рақмет. Бұл бағдарлама тек емделу үшін онда тіркелген адамдардың өтініштерін қабылдай алады, ал біз мұндай тіркеуді таппадық. Емхана немесе қоғамдық қызметкер тіркелуге көмектеседі; содан кейін қайта хабарлай аласыз.",
  },
  spam: {
    en: "Thank you for your report. It did not look like a real problem with care or support, so we could not take it up. If it was a real problem, please send it again and tell us what happened, where and when.",
    fr: "Merci pour votre signalement. Il ne ressemblait pas à un vrai problème de soins ou de soutien, nous n'avons donc pas pu le traiter. Si c'était un vrai problème, envoyez-le de nouveau en disant ce qui s'est passé, où et quand.",
    ru: "Спасибо за ваше обращение. Оно не было похоже на настоящую проблему с лечением или поддержкой, поэтому мы не смогли его взять. Если проблема настоящая, отправьте обращение снова и напишите, что случилось, где и когда.",
    pt: "Obrigado pelo seu relato. Não parecia um problema real com cuidados ou apoio, por isso não o pudemos tratar. Se era um problema real, envie-o outra vez e diga-nos o que aconteceu, onde e quando.",
    id: "Terima kasih atas laporan Anda. Laporan ini tidak tampak seperti masalah nyata dengan layanan atau dukungan, sehingga kami tidak dapat menindaklanjutinya. Jika ini masalah nyata, silakan kirim lagi dan ceritakan apa yang terjadi, di mana, dan kapan.",
    sw: "Asante kwa ripoti yako. Haikuonekana kuwa tatizo halisi la huduma au msaada, kwa hiyo hatukuweza kuishughulikia. Kama lilikuwa tatizo halisi, tafadhali itume tena na utueleze kilichotokea, wapi na lini.",
    km: "សូមអរគុណសម្រាប់របាយការណ៍របស់អ្នក។ វាមិនមើលទៅដូចជាបញ្ហាពិតប្រាកដជាមួយការថែទាំ ឬការគាំទ្រទេ ដូច្នេះយើងមិនអាចទទួលយកវាបាន។ ប្រសិនបើវាជាបញ្ហាពិតប្រាកដ សូមផ្ញើវាម្ដងទៀត ហើយប្រាប់យើងពីអ្វីដែលបានកើតឡើង នៅឯណា និងពេលណា។",
    tg: "Ташаккур барои хабаратон. Он ба мушкили воқеӣ бо ёрии тиббӣ ё дастгирӣ монанд набуд, бинобар ин мо онро қабул карда натавонистем. Агар ин мушкили воқеӣ бошад, лутфан онро боз фиристед ва нависед, ки чӣ, дар куҷо ва кай рӯй дод.",
    uk: "Дякуємо за ваше звернення. Воно не було схоже на справжню проблему з лікуванням чи підтримкою, тому ми не змогли взяти його в роботу. Якщо проблема справжня, надішліть звернення знову й напишіть, що сталося, де і коли.",
    kk: "Өтінішіңізге рақмет. Ол емдеу немесе қолдау бойынша нақты мәселеге ұқсамады, сондықтан біз оны қабылдай алмадық. Егер бұл нақты мәселе болса, оны қайта жіберіп, не, қай жерде және қашан болғанын жазыңыз.",
  },
  insufficient_information: {
    en: "Thank you for your report. There was not enough information for us to act on it. You can send a new report with more details: what happened, where and when. You can also write to us here.",
    fr: "Merci pour votre signalement. Il n'y avait pas assez d'informations pour que nous puissions agir. Vous pouvez faire un nouveau signalement avec plus de détails : ce qui s'est passé, où et quand. Vous pouvez aussi nous écrire ici.",
    ru: "Спасибо за ваше обращение. В нём было недостаточно сведений, чтобы мы могли что-то сделать. Вы можете отправить новое обращение с подробностями: что случилось, где и когда. Также вы можете написать нам здесь.",
    pt: "Obrigado pelo seu relato. Não havia informação suficiente para podermos agir. Pode enviar um novo relato com mais detalhes: o que aconteceu, onde e quando. Também nos pode escrever aqui.",
    id: "Terima kasih atas laporan Anda. Informasinya belum cukup bagi kami untuk bertindak. Anda dapat mengirim laporan baru dengan rincian lebih banyak: apa yang terjadi, di mana, dan kapan. Anda juga dapat menulis kepada kami di sini.",
    sw: "Asante kwa ripoti yako. Hakukuwa na taarifa za kutosha kwa sisi kuchukua hatua. Unaweza kutuma ripoti mpya yenye maelezo zaidi: nini kilitokea, wapi na lini. Unaweza pia kutuandikia hapa.",
    km: "សូមអរគុណសម្រាប់របាយការណ៍របស់អ្នក។ មិនមានព័ត៌មានគ្រប់គ្រាន់សម្រាប់យើងចាត់វិធានការទេ។ អ្នកអាចផ្ញើរបាយការណ៍ថ្មីដែលមានព័ត៌មានលម្អិតបន្ថែម៖ អ្វីដែលបានកើតឡើង នៅឯណា និងពេលណា។ អ្នកក៏អាចសរសេរមកយើងនៅទីនេះផងដែរ។",
    tg: "Ташаккур барои хабаратон. Барои он ки мо чора бинем, маълумот кофӣ набуд. Шумо метавонед хабари навро бо тафсилоти бештар фиристед: чӣ, дар куҷо ва кай рӯй дод. Инчунин метавонед ба мо дар ин ҷо нависед.",
    uk: "Дякуємо за ваше звернення. У ньому було недостатньо відомостей, щоб ми могли щось зробити. Ви можете надіслати нове звернення з подробицями: що сталося, де і коли. Також ви можете написати нам тут.",
    kk: "Өтінішіңізге рақмет. Шара қолдануымыз үшін ақпарат жеткіліксіз болды. Толығырақ мәліметпен жаңа өтініш жібере аласыз: не, қай жерде және қашан болды. Сондай-ақ бізге осында жаза аласыз.",
  },
  out_of_scope: {
    en: "Thank you for your report. This problem is outside what this programme can help with. In the app, “Get access” lists services near you that may help.",
    fr: "Merci pour votre signalement. Ce problème ne fait pas partie de ce que ce programme peut traiter. Dans l'application, « Accéder aux services » liste des services près de chez vous qui peuvent aider.",
    ru: "Спасибо за ваше обращение. Эта проблема не относится к тому, с чем может помочь программа. В приложении в разделе «Доступ к услугам» есть службы рядом с вами, которые могут помочь.",
    pt: "Obrigado pelo seu relato. Este problema está fora do que este programa pode ajudar a resolver. Na aplicação, «Aceder a serviços» mostra serviços perto de si que podem ajudar.",
    id: "Terima kasih atas laporan Anda. Masalah ini di luar hal yang dapat dibantu program ini. Di aplikasi, “Dapatkan layanan” mencantumkan layanan di dekat Anda yang mungkin dapat membantu.",
    sw: "Asante kwa ripoti yako. Tatizo hili liko nje ya kile ambacho programu hii inaweza kusaidia. Katika programu, “Pata huduma” inaorodhesha huduma zilizo karibu nawe zinazoweza kusaidia.",
    km: "សូមអរគុណសម្រាប់របាយការណ៍របស់អ្នក។ បញ្ហានេះស្ថិតនៅក្រៅអ្វីដែលកម្មវិធីនេះអាចជួយបាន។ នៅក្នុងកម្មវិធី “ទទួលសេវា” រាយបញ្ជីសេវានៅជិតអ្នកដែលអាចជួយបាន។",
    tg: "Ташаккур барои хабаратон. Ин мушкил берун аз он чизест, ки ин барнома дар он кӯмак карда метавонад. Дар барнома бахши «Дастрасӣ пайдо кунед» хизматрасониҳоеро дар наздикии шумо нишон медиҳад, ки метавонанд кӯмак кунанд.",
    uk: "Дякуємо за ваше звернення. Ця проблема виходить за межі того, з чим може допомогти програма. У застосунку в розділі «Отримати доступ» є служби поруч із вами, які можуть допомогти.",
    kk: "Өтінішіңізге рақмет. Бұл мәселе бағдарлама көмектесе алатын аядан тыс. Қосымшадағы «Қызметке қол жеткізу» бөлімінде жаныңыздағы көмектесе алатын қызметтер бар.",
  },
  other: {
    en: "Thank you for your report. We could not take it further this time. If you have questions, write to us here and a helper will answer.",
    fr: "Merci pour votre signalement. Nous n'avons pas pu y donner suite cette fois. Si vous avez des questions, écrivez-nous ici et un aidant vous répondra.",
    ru: "Спасибо за ваше обращение. В этот раз мы не смогли взять его в работу. Если у вас есть вопросы, напишите нам здесь, и помощник ответит.",
    pt: "Obrigado pelo seu relato. Desta vez não foi possível dar-lhe seguimento. Se tiver perguntas, escreva-nos aqui e um ajudante vai responder.",
    id: "Terima kasih atas laporan Anda. Kali ini kami tidak dapat menindaklanjutinya. Jika Anda punya pertanyaan, tulis kepada kami di sini dan seorang pendamping akan menjawab.",
    sw: "Asante kwa ripoti yako. Safari hii hatukuweza kuiendeleza. Kama una maswali, tuandikie hapa na mhudumu atakujibu.",
    km: "សូមអរគុណសម្រាប់របាយការណ៍របស់អ្នក។ លើកនេះយើងមិនអាចបន្តដោះស្រាយវាបានទេ។ ប្រសិនបើអ្នកមានសំណួរ សូមសរសេរមកយើងនៅទីនេះ ហើយអ្នកជួយម្នាក់នឹងឆ្លើយតប។",
    tg: "Ташаккур барои хабаратон. Ин дафъа мо онро идома дода натавонистем. Агар савол дошта бошед, ба мо дар ин ҷо нависед ва кӯмакрасон ҷавоб медиҳад.",
    uk: "Дякуємо за ваше звернення. Цього разу ми не змогли взяти його в роботу. Якщо у вас є запитання, напишіть нам тут, і фахівець відповість.",
    kk: "Өтінішіңізге рақмет. Бұл жолы оны әрі қарай жүргізе алмадық. Сұрақтарыңыз болса, бізге осында жазыңыз, маман жауап береді.",
  },
};

/** The decline message for `reason` (a report declined without one reads as "other"), in the reporter's language. */
export function declineNotice(reason: string | null, language: string | null): string {
  const texts = declineNotices[(reason ?? "other") as DeclineReason] ?? declineNotices.other;
  return pickText(texts, language ?? "en");
}
