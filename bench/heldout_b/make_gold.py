import json, os, re
D = "/work/main/bench/heldout_b"
A = D + "/articles"

def P(q, sp, kind="full", **kw):
    d = {"quote": q, "speaker": sp, "kind": kind}
    d.update(kw)
    return d

def B(q, sp, kind="full", accept=None):
    d = {"quote": q, "speaker": sp, "kind": kind, "person": False}
    if accept: d["accept"] = accept
    return d

MURILLO = dict(accept=["Murillo"])
LO = ["Lopez Obrador", "AMLO", "Andres Manuel Lopez"]
RP = ["Bruno Rodriguez", "Rodriguez Parrilla", "Rodriguez"]
FDC = ["Fernandez de Cossio", "de Cossio", "Carlos Fernandez"]
US = ["US State Department", "U.S. State Department", "State Department", "Washington", "United States", "US government", "U.S. government"]

gold = {
"01_npr-nicaragua-russia.txt": [
 P("Russia has always been a friend in the good times and in the hard times, and Nicaragua does not forget its friends,", "Rosario Murillo"),
 P("a criminal blockade dressed up as diplomacy", "Rosario Murillo", "fragment"),
 P("keep walking with our sister nations.", "Rosario Murillo", "fragment"),
 P("We are deeply concerned that Russia is exporting its model of repression to our hemisphere,", "Ana Lucia Herrera"),
 P("This is not about the Nicaraguan people,", "Ana Lucia Herrera"),
 P("It is about a government that has closed universities, jailed priests and stripped its critics of their citizenship.", "Ana Lucia Herrera"),
 P("Moscow does not have the money to replace American trade,", "Tomas Garay Lacayo", accept=["Garay", "Tomas Garay"]),
 P("What it offers Ortega is protection at the United Nations and the feeling that he is not alone.", "Tomas Garay Lacayo", accept=["Garay", "Tomas Garay"]),
 P("The Ortega government talks like an ALBA country and trades like a CAFTA country,", "Tomas Garay Lacayo", accept=["Garay", "Tomas Garay"]),
 P("a common understanding of the threats posed by unilateral sanctions.", "Sergei Ryabkov", "fragment", accept=["Sergey Ryabkov"]),
 P("We are nobody’s backyard.", "Daniel Ortega"),
 P("They talk about Russia and the empire on television,", "Rosa"),
 P("Here we talk about how to pay for rice.", "Rosa"),
],
"02_cnn-mexico-venezuela.txt": [
 P("We are not going to get involved in the internal affairs of another country. That is a principle of our foreign policy,", "Andres Manuel Lopez Obrador", accept=LO),
 P("When the tally sheets are published, we will have an opinion. Not before.", "Andres Manuel Lopez Obrador", accept=LO),
 P("pure politics", "Andres Manuel Lopez Obrador", "fragment", accept=LO),
 P("not ours to settle.", "Andres Manuel Lopez Obrador", "fragment", accept=LO),
 P("The Venezuelan people deserve to have their votes counted fairly and transparently,", "Daniel Pruitt"),
 P("The world is watching, and patience is running out.", "Daniel Pruitt"),
 P("Mexico, Brazil and Colombia are talking to both sides. Megaphone diplomacy does not help anyone.", "Alicia Barcena"),
 P("There are conversations,", "Alicia Barcena"),
 P("and they are serious conversations.", "Alicia Barcena"),
 P("It is humanitarian aid, and we are going to continue,", "Andres Manuel Lopez Obrador", accept=LO),
 P("Cuba is a brother people that has lived under a blockade for more than 60 years.", "Andres Manuel Lopez Obrador", accept=LO),
 P("If they want to criticize us for helping the Cuban people, let them criticize us.", "Andres Manuel Lopez Obrador", accept=LO),
 P("Mexico's president is subsidizing a dictatorship 90 miles from our shores. Congress must respond.", "Carla Mendes"),
],
"03_economist-explainer-alba.txt": [
 P("For the first time the small islands had a seat at the table with real money behind it,", "Desmond Alleyne"),
 P("ALBA is not a museum. It is alive, it is resisting, and it will outlive every one of the sanctions they have imposed on us.", "Nicolas Maduro"),
 P("The peoples of our America did not choose to be sanctioned, blockaded and threatened,", "Bruno Rodriguez Parrilla", accept=RP),
 P(["They chose sovereignty, and sovereignty has a price.", "We are ready to pay it. What we are not ready to do is to go back to being anyone’s colony."], "Bruno Rodriguez Parrilla", accept=RP),
 P("It survives because nobody wants to be the one who turns off the lights,", "Mariana Azcarate Ruiz", accept=["Azcarate", "Mariana Azcarate"]),
 P("You cannot build an economic bloc on a single commodity and then watch the commodity disappear,", "Mariana Azcarate Ruiz", accept=["Azcarate", "Mariana Azcarate"]),
 P("reliable partner", "Sergei Lavrov", "fragment", accept=["Sergey Lavrov"]),
 P("We have never attached political conditions to our cooperation with Latin America,", "Wang Wenbin"),
 P("the union of the peoples against the empire", "Hugo Chavez", "fragment"),
 P("There is no plan B,", "Desmond Alleyne"),
 P("If Venezuela cannot pay, the Caribbean will look north again, whatever the speeches say.", "Desmond Alleyne"),
],
"04_ap-liveblog-oas-asuncion.txt": [
 P("Bolivia will not vote for a text that condemns a sister nation without listening to it,", "Mariela Quispe Choque", accept=["Quispe", "Mariela Quispe"]),
 P("That is not diplomacy. That is a tribunal.", "Mariela Quispe Choque", accept=["Quispe", "Mariela Quispe"]),
 P("We will keep standing with the Venezuelan people, who voted in huge numbers and deserve to see their will respected,", "Rachel Whitford"),
 P("We respect Bolivia's sovereignty,", "Rachel Whitford"),
 P("We would ask Bolivia to respect the sovereignty of Venezuelan voters.", "Rachel Whitford"),
 P("Democracy in this hemisphere is not a menu from which governments pick the dishes they like,", "Luis Almagro"),
 P("It is one set of obligations, and it binds all of us.", "Luis Almagro"),
 P("a gathering of lackeys", "Rosario Murillo", "fragment"),
 P("with our heads held high.", "Rosario Murillo", "fragment"),
 P(["We are gathered in a country that knows what it means to lose its freedom and to win it back.", "Paraguay lived 35 years under a dictatorship. We did not leave it behind on our own, and we will not turn our backs on the peoples who are living through the same thing today."], "Gustavo Benitez Rojas", accept=["Benitez", "Gustavo Benitez"]),
 P("Everyone in the room knows which countries I mean.", "Gustavo Benitez Rojas", accept=["Benitez", "Gustavo Benitez"]),
],
"05_xinhua-china-celac.txt": [
 P("China and Latin American and Caribbean countries are all developing countries and important members of the Global South,", "Wang Wenbin"),
 P("We have always treated each other as equals and pursued mutual benefit.", "Wang Wenbin"),
 P("groundless smears", "Wang Wenbin", "fragment"),
 P("a textbook example of Cold War thinking.", "Wang Wenbin", "fragment"),
 P("Latin America and the Caribbean is nobody's backyard, and the countries there have every right to choose their own partners,", "Wang Wenbin"),
 P("all-weather strategic partnership", "Yvan Gil", "fragment"),
 P("China has stood by Venezuela when others chose sanctions and threats. We will not forget it,", "Yvan Gil"),
 B("The two sides reaffirmed their firm support for each other on issues concerning their respective core interests. The Chinese side reiterated its opposition to unilateral sanctions and to interference by external forces in Venezuela's internal affairs. The Venezuelan side reaffirmed its adherence to the one-China principle and its support for China's peaceful reunification.", "China-Venezuela joint statement", accept=["joint statement", "China and Venezuela", "the two sides"]),
 P("CELAC gives the region a single voice when it talks to big partners such as China,", "Ricardo Moura Lessa", accept=["Moura Lessa"]),
 P("That is something our countries have rarely had in their history.", "Ricardo Moura Lessa", accept=["Moura Lessa"]),
],
"06_rt-russia-venezuela-sanctions.txt": [
 P("has learned nothing", "Sergei Ryabkov", "fragment", accept=["Sergey Ryabkov"]),
 P("The Americans still think that they can decide who governs in Caracas, in Managua, in Havana. This is a relic of the 19th century, and it will not work,", "Sergei Ryabkov", accept=["Sergey Ryabkov"]),
 P("Our cooperation with Venezuela is not directed against anyone,", "Sergei Ryabkov", accept=["Sergey Ryabkov"]),
 P("But we will not let anyone dictate to us with whom we can trade.", "Sergei Ryabkov", accept=["Sergey Ryabkov"]),
 P("sanctions addiction", "Maria Zakharova", "fragment"),
 P("Every time the US introduces new restrictions, it is the people who pay, not the politicians the Americans want to punish,", "Maria Zakharova"),
 P("Venezuela has true friends in the world. Russia is a brother country that has never turned its back on us!", "Nicolas Maduro"),
 B("all candidates and parties", "US State Department", "fragment", accept=US),
 B("a new act of economic aggression", "Venezuelan Foreign Ministry", "fragment", accept=["Venezuela's Foreign Ministry", "Venezuelan foreign ministry statement", "Venezuela", "Caracas"]),
 B("continue on its path regardless of the threats of the empire.", "Venezuelan Foreign Ministry", "fragment", accept=["Venezuela's Foreign Ministry", "Venezuelan foreign ministry statement", "Venezuela", "Caracas"]),
 B("regime change", "Russian government", "fragment", accept=["Moscow", "Russia"]),
],
"07_tass-russia-cuba.txt": [
 P("The Cuban side has asked us for help in restoring its power generation capacity, and Russian companies are ready to take part in this work,", "Gennady Sorokin", accept=["Gennadiy Sorokin"]),
 P("We are talking about the modernization of several thermal power plants.", "Gennady Sorokin", accept=["Gennadiy Sorokin"]),
 P("Russians love Cuba, and Cuba knows that it can always count on Russia.", "Gennady Sorokin", accept=["Gennadiy Sorokin"]),
 P("a package of about a dozen documents.", "Gennady Sorokin", "fragment", accept=["Gennadiy Sorokin"]),
 P("Russia has consistently voted against the blockade at the United Nations General Assembly, and Cuba will never forget that,", "Carlos Fernandez de Cossio", accept=FDC),
 P("These are fabrications. They are repeated in Washington every few months, and they are always false,", "Carlos Fernandez de Cossio", accept=FDC),
 P("The Russian Navy ships that visited Havana last year did so openly and in full accordance with international law.", "Carlos Fernandez de Cossio", accept=FDC),
 P("a deliberate attempt to whip up hysteria.", "Maria Zakharova", "fragment"),
],
"08_prensa-latina-alba-summit.txt": [
 P("We will overcome, and we will do it together", "Miguel Diaz-Canel", accept=["Diaz-Canel", "Diaz Canel", "Miguel Diaz Canel"]),
 B(["We reject the inclusion of Cuba in the unilateral list of states that allegedly sponsor terrorism, an arbitrary decision that has no basis whatsoever and that seeks to justify the tightening of the blockade.", "We reaffirm our unconditional support for the Bolivarian Republic of Venezuela, its constitutional president Nicolás Maduro Moros and the Venezuelan people in the defense of their sovereignty and self-determination."], "ALBA-TCP final declaration", accept=["ALBA", "ALBA-TCP", "ALBA-TCP Political Council", "ALBA declaration", "ALBA final declaration"]),
 P("has shown that integration is possible without subordination.", "Bruno Rodriguez Parrilla", "fragment", accept=RP),
 P("Twenty years after its founding, ALBA is the proof that solidarity among our peoples is not a slogan, but a daily practice,", "Bruno Rodriguez Parrilla", accept=RP),
 P("criminal blockade", "Yvan Gil", "fragment"),
 P("Thousands of Cuban doctors are in our neighborhoods saving lives while others send sanctions,", "Yvan Gil"),
 P("The ALBA summit confirms that our region rejects the blockade. Washington is increasingly isolated.", "Carlos Fernandez de Cossio", accept=FDC),
 B("a joint plan for food sovereignty", "Bolivian delegation", "fragment", accept=["Bolivia"]),
],
"09_batimes-mercosur-summit.txt": [
 P("corrupt", "Javier Milei", "fragment"),
 P("communist", "Javier Milei", "fragment"),
 P("Mercosur is bigger than any of its governments. Presidents come and go; the bloc, and the people who depend on it, stay.", "Luiz Inacio Lula da Silva", accept=["Lula", "Lula da Silva", "Luiz Inacio Lula"]),
 P("Argentina is not leaving Mercosur. We want a Mercosur that is more open to the world, not less,", "Diana Mondino"),
 P("If we keep waiting for everyone to agree on everything,", "Diana Mondino"),
 P("we will be waiting for another 30 years.", "Diana Mondino"),
 P("We have spent too much time talking to ourselves,", "Santiago Pena"),
 P("The world is not going to wait for Mercosur.", "Santiago Pena"),
 P(["I have said it before, and I will say it again: either Mercosur opens up, or each of us will have to find our own way.", "Uruguay does not want to leave. But Uruguay cannot stay in a bloc that tells it what it cannot do and never tells it what it can."], "Luis Lacalle Pou", accept=["Lacalle Pou", "Lacalle"]),
 P("Bolivia arrives to add, not to divide,", "Luis Arce"),
 P("We bring lithium, gas and food, but above all we bring the will to integrate.", "Luis Arce"),
 B("redouble efforts", "Mercosur final communique", "fragment", accept=["Mercosur", "Mercosur communique", "final communique"]),
],
"10_mercopress-lima-group-ottawa.txt": [
 B("The Lima Group reiterates its support for the National Assembly and for Juan Guaidó as interim president of Venezuela, in accordance with the Venezuelan Constitution. It urges the National Armed Force of Venezuela to demonstrate its loyalty to the interim president in his constitutional functions and not to prevent the entry and transit of humanitarian assistance to the Venezuelan people,", "Lima Group", accept=["Lima Group declaration", "Lima Group statement"]),
 B("without the use of force,", "Lima Group", "fragment", accept=["Lima Group declaration", "Lima Group statement"]),
 B("all options", "US government", "fragment", accept=["Washington", "United States", "U.S. government", "Trump administration", "Donald Trump"]),
 P("We are here because the Venezuelan people are suffering and because the regime of Nicolás Maduro is illegitimate,", "Chrystia Freeland"),
 P("Canada will continue to stand with them.", "Chrystia Freeland"),
 P("More than three million Venezuelans have left their country. No country in this region can say that this is not its business.", "Nestor Popolizio"),
 P("Argentina will not recognize any government that is the product of fraud.", "Jorge Faurie"),
 P("a club against anyone", "Jorge Faurie", "fragment"),
 P("worried about a neighbour.", "Jorge Faurie", "fragment"),
 P("Isolating Venezuela has not worked. What we propose is to sit everyone down at the same table,", "Rodolfo Nin Novoa", accept=["Nin Novoa", "Nin"]),
 P("freeze every asset of the usurpation.", "Juan Guaido", "fragment", accept=["Guaido's office"]),
 B("a new episode of subordination to the Trump administration", "Venezuelan Foreign Ministry", "fragment", accept=["Venezuela's foreign ministry", "Venezuelan government", "Maduro's government", "Nicolas Maduro"]),
],
"11_gleaner-petrocaribe-debt.txt": [
 P("We have engaged in good faith, and we expect to arrive at a settlement that is fair to the people of Jamaica,", "Kamina Johnson Smith", accept=["Johnson Smith"]),
 P("imprudent", "Kamina Johnson Smith", "fragment", accept=["Johnson Smith"]),
 P("The people of this country deserve to know what is being negotiated in their name,", "Dwight Campbell"),
 P("This is public debt, not a private arrangement between two governments.", "Dwight Campbell"),
 P("If the minister is so confident about this deal, she should bring the numbers to this House.", "Dwight Campbell"),
 P("Petrocaribe kept the lights on in many of our islands when oil was at US$140 a barrel, and we should never forget that,", "Clarence Bramble"),
 P("a friend in difficult times", "Clarence Bramble", "fragment"),
 P("Venezuela has always honoured its commitments to the Caribbean, and we are confident the process with Jamaica will conclude successfully,", "Maria Alejandra Perez", accept=["Perez"]),
 P("when conditions allow", "Maria Alejandra Perez", "fragment", accept=["Perez"]),
 P("The agreement is still alive,", "Maria Alejandra Perez", accept=["Perez"]),
 P("It is the sanctions that are blocking it, not Venezuela.", "Maria Alejandra Perez", accept=["Perez"]),
 P("We operate within the international framework that applies to us, and we will not expose Jamaican companies to penalties,", "Kamina Johnson Smith", accept=["Johnson Smith"]),
],
"12_dw-iran-turkey-bolivia.txt": [
 P("Iran has the technology to help us protect our borders against drug trafficking and smuggling,", "Edmundo Novillo"),
 P("purely defensive.", "Edmundo Novillo", "fragment"),
 B("precise information", "Argentine Foreign Ministry", "fragment", accept=["Argentina's Foreign Ministry", "Argentina", "Argentine foreign ministry statement"]),
 B("Argentina is the country in the region that has suffered most from terrorism linked to Iran,", "Argentine Foreign Ministry", accept=["Argentina's Foreign Ministry", "Argentina", "Argentine foreign ministry statement"]),
 P("We will raise our trade with brotherly Bolivia to new heights.", "Recep Tayyip Erdogan", accept=["Erdogan", "Tayyip Erdogan"]),
 P("Latin America is no longer a distant region for Turkey,", "Omer Celik"),
 P("It is a region of partnership.", "Omer Celik"),
 P("united against imperialism.", "Luis Arce", "fragment"),
 P("Bolivia is a sovereign country and signs agreements with whoever it considers appropriate,", "Elizabeth Mamani"),
 P("Bolivia,", "Sabine Kessler-Ortiz", accept=["Kessler-Ortiz", "Kessler Ortiz", "Sabine Kessler"]),
 P("is not becoming an Iranian outpost. It is shopping around.", "Sabine Kessler-Ortiz", accept=["Kessler-Ortiz", "Kessler Ortiz", "Sabine Kessler"]),
],
}

ignore = {
 "02_cnn-mexico-venezuela.txt": [
  {"quote": "mañanera.", "why": "name of the daily news conference, no speaker"},
  {"quote": "Estrada Doctrine,", "why": "so-called name of a doctrine, no speaker"},
 ],
 "03_economist-explainer-alba.txt": [
  {"quote": "multipolar world", "why": "so-called scare quote, no speaker"},
  {"quote": "Running on empty", "why": "print headline"},
 ],
 "06_rt-russia-venezuela-sanctions.txt": [
  {"quote": "Neocolonial reflexes", "why": "headline"},
 ],
 "08_prensa-latina-alba-summit.txt": [
  {"quote": "Hands off Venezuela", "why": "banner slogan, no speaker"},
  {"quote": "Cuba is not alone", "why": "banner slogan, no speaker"},
 ],
 "09_batimes-mercosur-summit.txt": [
  {"quote": "ideological walls", "why": "headline"},
 ],
 "10_mercopress-lima-group-ottawa.txt": [
  {"quote": "Montevideo Mechanism", "why": "so-called name of an initiative, no speaker"},
 ],
 "11_gleaner-petrocaribe-debt.txt": [
  {"quote": "on track", "why": "headline"},
  {"quote": "oil diplomacy", "why": "so-called scare quote, no speaker"},
 ],
}

out = {}
for name, items in gold.items():
    text = open(os.path.join(A, name), encoding="utf-8").read()
    assert "\r" not in text
    res = []
    for it in items:
        q = it["quote"]
        paras = q if isinstance(q, list) else [q]
        first = paras[0]
        n = text.count(first)
        assert n == 1, (name, first, n)
        st = text.index(first)
        pos = st + len(first)
        for p in paras[1:]:
            # continuation paragraph: blank line, opening mark, text
            m = re.match(r"\n\n([\"“‘«])", text[pos:])
            assert m, (name, p)
            pos += m.end()
            assert text[pos:pos+len(p)] == p, (name, p)
            pos += len(p)
        it = dict(it)
        it["quote"] = " ".join(paras)
        it["start"] = st
        # key order
        res.append({k: it[k] for k in ["quote", "start", "speaker", "kind", "person", "accept"] if k in it})
    res.sort(key=lambda d: d["start"])
    out[name] = res
for name, items in ignore.items():
    text = open(os.path.join(A, name), encoding="utf-8").read()
    for it in items:
        assert text.count(it["quote"]) >= 1, (name, it)

about = ("Set B: 12 invented English news articles (NPR, CNN, Economist explainer, AP live blog, Xinhua, RT, TASS, "
 "Prensa Latina, Buenos Aires Times, MercoPress, Jamaica Gleaner, DW with a Q&A excerpt) on Latin American alliances, written "
 "independently of the extraction tool. Conventions as in ../../../shared/gold/seed_quotes.json: quote = exact text between the quotation "
 "marks (trailing punctuation inside the marks included); a quotation running over several paragraphs is their texts joined by one space "
 "without the repeated opening marks; start = character offset (Python, UTF-8) of the quote's first character; speaker = canonical name "
 "without accents or titles, or a collective source with person: false; accept = other names that count as right; kind: full = a whole "
 "sentence or clause of speech, fragment = words quoted inside the writer's own sentence. Q&A answers not inside quotation marks are not quotes. "
 "ignore lists quoted spans that have no speaker (headlines, so-called names, banner slogans).")
json.dump({"about": about, "articles": out, "ignore": ignore}, open(D + "/gold.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print("ok", sum(len(v) for v in out.values()))
