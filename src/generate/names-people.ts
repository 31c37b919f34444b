// Name material per language: given names and family names of persons.
import type { Lang } from './countries.ts'

/** A '|'-separated list (names may contain spaces). */
export const names = (s: string): readonly string[] => s.split('|')

export const GIVEN: Record<Lang, readonly string[]> = {
  de: names(
    'Lukas|Anna|Jonas|Lea|Felix|Sophie|Maximilian|Marie|Paul|Julia|Tobias|Katharina|Stefan|Sabine|Jürgen|Monika|Niklas|Laura',
  ),
  fr: names(
    'Louis|Camille|Hugo|Chloé|Jules|Manon|Antoine|Léa|Nicolas|Claire|Mathieu|Élodie|Julien|Isabelle|Pierre|Amélie',
  ),
  nl: names('Daan|Emma|Sem|Julia|Lucas|Sanne|Bram|Lotte|Thijs|Fleur|Ruben|Anouk|Jeroen|Marieke'),
  it: names(
    'Lorenzo|Giulia|Matteo|Chiara|Alessandro|Francesca|Marco|Sara|Davide|Elena|Giovanni|Valentina',
  ),
  es: names(
    'Hugo|Lucía|Martín|Sofía|Pablo|María|Alejandro|Paula|Javier|Carmen|Diego|Laura|João|Inês',
  ),
  en: names(
    'Oliver|Amelia|George|Olivia|Harry|Isla|James|Emily|William|Charlotte|Daniel|Sarah|Michael|Jessica|David|Emma',
  ),
  pl: names(
    'Jakub|Zuzanna|Antoni|Julia|Jan|Maja|Piotr|Katarzyna|Tomasz|Agnieszka|Krzysztof|Magdalena',
  ),
  cs: names('Jakub|Eliška|Jan|Tereza|Tomáš|Anna|Petr|Lucie|Martin|Kateřina'),
  tr: names('Mehmet|Ayşe|Mustafa|Fatma|Ahmet|Zeynep|Emre|Elif|Burak|Merve|Can|Selin'),
  ar: names('Mohammed|Fatima|Ahmed|Aisha|Omar|Mariam|Khalid|Noura|Yousef|Layla|Hassan|Sara'),
  ru: names(
    'Aleksandr|Elena|Sergei|Olga|Dmitry|Natalia|Andrei|Irina|Mikhail|Tatiana|Vladimir|Svetlana|Aleksei|Anna',
  ),
  zh: names('Wei|Fang|Jing|Lei|Min|Yong|Xiaoming|Li Na|Jun|Hui|Tao|Yan'),
  ja: names('Haruto|Yui|Sota|Hina|Takumi|Aoi|Kenji|Yuki|Hiroshi|Sakura'),
  nordic: names('Lars|Ingrid|Erik|Astrid|Nils|Freja|Mikkel|Sofia|Johan|Elin'),
  baltic: names('Jānis|Anna|Andris|Līga|Tomas|Rūta|Mart|Kadri|Mindaugas|Ieva'),
  fa: names('Ali|Zahra|Reza|Maryam|Hossein|Fatemeh|Mehdi|Narges'),
  kk: names('Nursultan|Aigerim|Yerlan|Dana|Askar|Madina|Daulet|Aruzhan'),
}

export const FAMILY: Record<Lang, readonly string[]> = {
  de: names(
    'Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Koch|Richter|Klein|Wolf|Schröder|Neumann|Braun|Zimmermann',
  ),
  fr: names(
    'Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefèvre|Michel|Garcia|Fournier',
  ),
  nl: names(
    'de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Visser|Smit|Meijer|de Boer|Mulder|Bos',
  ),
  it: names('Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo'),
  es: names(
    'García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Silva|Santos|Ferreira',
  ),
  en: names(
    'Smith|Jones|Taylor|Brown|Williams|Wilson|Johnson|Davies|Evans|Walker|Wright|Thompson|Murphy|Kelly|Papadopoulos|Nagy',
  ),
  pl: names(
    'Nowak|Kowalski|Wiśniewski|Wójcik|Kowalczyk|Kamiński|Lewandowski|Zieliński|Szymański|Woźniak',
  ),
  cs: names('Novák|Svoboda|Novotný|Dvořák|Černý|Procházka|Kučera|Veselý|Horák'),
  tr: names('Yılmaz|Kaya|Demir|Şahin|Çelik|Yıldız|Yıldırım|Öztürk|Aydın|Özdemir|Arslan|Doğan'),
  ar: names('Al Mansouri|Al Hashimi|Al Nuaimi|Haddad|Khalil|Nasser|Saleh|Al Farsi|Rahman|Aziz'),
  ru: names(
    'Ivanov|Smirnov|Kuznetsov|Popov|Vasiliev|Petrov|Sokolov|Mikhailov|Novikov|Fedorov|Morozov|Volkov|Lebedev|Kozlov',
  ),
  zh: names('Wang|Li|Zhang|Liu|Chen|Yang|Huang|Zhao|Wu|Zhou|Xu|Sun'),
  ja: names('Sato|Suzuki|Takahashi|Tanaka|Watanabe|Ito|Yamamoto|Nakamura|Kobayashi|Kato'),
  nordic: names('Andersson|Johansson|Nielsen|Hansen|Karlsson|Larsen|Virtanen|Korhonen|Lindqvist'),
  baltic: names('Bērziņš|Kalniņš|Kazlauskas|Jankauskas|Tamm|Saar|Ozoliņš|Petrauskas'),
  fa: names('Hosseini|Mohammadi|Rezaei|Ahmadi|Karimi|Moradi|Jafari'),
  kk: names('Nurlanov|Seitkali|Abenov|Zhaksybekov|Tokayeva|Omarov|Bekova'),
}
