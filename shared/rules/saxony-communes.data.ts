/**
 * Saxony's municipalities (Land key 14) with their official keys (Amtlicher Gemeindeschlüssel), one "AGS;name" a
 * line, transcribed unchanged from the annex of the Mietniveau-Einstufungsverordnung (MietNEinV) of 18 August 2021,
 * BGBl. I 2021 S. 3739–3885, section "Sachsen (SN)", which lists every municipality of Germany by its AGS; territorial
 * status (Gebietsstand) 25 January 2021. Names are the official designations of the Gemeindeverzeichnis (with
 * ", Stadt", "Kurort", Sorbian names); saxony-communes.ts derives the short name and the district. A municipality
 * merged or renamed later can still be typed by hand in the commune form.
 */
export const saxonyCommuneRows = `
14523010;Adorf/Vogtl., Stadt
14628010;Altenberg, Stadt
14522010;Altmittweida
14521010;Amtsberg
14521020;Annaberg-Buchholz, Stadt
14625010;Arnsdorf
14730010;Arzberg
14521035;Aue-Bad Schlema, Stadt
14521040;Auerbach
14523020;Auerbach/Vogtl., Stadt
14522020;Augustusburg, Stadt
14523030;Bad Brambach
14730020;Bad Düben, Stadt
14523040;Bad Elster, Stadt
14628020;Bad Gottleuba-Berggießhübel, Stadt
14729010;Bad Lausick, Stadt
14626010;Bad Muskau, Stadt
14628030;Bad Schandau, Stadt
14628040;Bahretal
14628050;Bannewitz
14521060;Bärenstein
14625020;Bautzen/Budyšin, Stadt
14626020;Beiersdorf
14730030;Beilrode
14730045;Belgern-Schildau, Stadt
14729020;Belgershain
14729030;Bennewitz
14523050;Bergen
14524010;Bernsdorf
14625030;Bernsdorf, Stadt
14626030;Bernstadt a. d. Eigen, Stadt
14626050;Bertsdorf-Hörnitz
14625040;Bischofswerda, Stadt
14522035;Bobritzsch-Hilbersdorf
14521080;Bockau
14729040;Böhlen, Stadt
14729050;Borna, Stadt
14521090;Börnichen/Erzgeb.
14729060;Borsdorf
14523060;Bösenbrunn
14626060;Boxberg/O.L./Hamor
14522050;Brand-Erbisdorf, Stadt
14729070;Brandis, Stadt
14521110;Breitenbrunn/Erzgeb.
14522060;Burgstädt, Stadt
14625060;Burkau
14521120;Burkhardtsdorf
14524020;Callenberg
14730050;Cavertitz
14511000;Chemnitz, Stadt
14522070;Claußnitz
14729080;Colditz, Stadt
14627010;Coswig, Stadt
14524030;Crimmitschau, Stadt
14524040;Crinitzberg
14625080;Crostwitz/Chrósćicy
14521130;Crottendorf
14625090;Cunewalde
14730060;Dahlen, Stadt
14730070;Delitzsch, Stadt
14625100;Demitz-Thumitz
14524050;Dennheritz
14521140;Deutschneudorf
14627020;Diera-Zehren
14628060;Dippoldiswalde, Stadt
14522080;Döbeln, Stadt
14625110;Doberschau-Gaußig/Dobruša-Huska
14730080;Doberschütz
14628070;Dohma
14628080;Dohna, Stadt
14730090;Dommitzsch, Stadt
14522090;Dorfchemnitz
14628090;Dorfhain
14521150;Drebach
14730100;Dreiheide
14612000;Dresden, Stadt
14626070;Dürrhennersdorf
14628100;Dürrröhrsdorf-Dittersbach
14627030;Ebersbach
14626085;Ebersbach-Neugersdorf, Stadt
14521160;Ehrenfriedersdorf, Stadt
14521170;Eibenstock, Stadt
14523080;Eichigt
14730110;Eilenburg, Stadt
14523090;Ellefeld
14730120;Elsnig
14523100;Elsterberg, Stadt
14625120;Elsterheide/Halštrowska Hola
14729100;Elstertrebnitz
14625130;Elstra, Stadt
14521180;Elterlein, Stadt
14522110;Eppendorf
14522120;Erlau
14523120;Falkenstein/Vogtl., Stadt
14522140;Flöha, Stadt
14522150;Frankenberg/Sa., Stadt
14625140;Frankenthal
14522170;Frauenstein, Stadt
14524060;Fraureuth
14522180;Freiberg, Stadt, Universitätsstadt
14628110;Freital, Stadt
14729140;Frohburg, Stadt
14626100;Gablenz/Jabłońc
14729150;Geithain, Stadt
14521200;Gelenau/Erzgeb.
14522190;Geringswalde, Stadt
14524070;Gersdorf
14521210;Geyer, Stadt
14628130;Glashütte, Stadt
14627040;Glaubitz
14524080;Glauchau, Stadt
14625150;Göda/Hodźij
14628140;Gohrisch
14626110;Görlitz, Stadt
14521220;Gornau/Erzgeb.
14521230;Gornsdorf
14729160;Grimma, Stadt
14627050;Gröditz, Stadt
14729170;Groitzsch, Stadt
14626120;Groß Düben/Dźěwin
14625160;Großdubrau/Wulka Dubrawa
14627060;Großenhain, Stadt
14625170;Großharthau
14522200;Großhartmannsdorf
14625180;Großnaundorf
14521240;Großolbersdorf
14729190;Großpösna
14625190;Großpostwitz/O.L./Budestecy
14625200;Großröhrsdorf, Stadt
14521250;Großrückerswalde
14522210;Großschirma, Stadt
14626140;Großschönau
14626150;Großschweidnitz
14522220;Großweitzschen
14523130;Grünbach
14521260;Grünhain-Beierfeld, Stadt
14521270;Grünhainichen
14626160;Hähnichen
14626170;Hainewalde
14522230;Hainichen, Stadt
14522240;Halsbrücke
14524090;Hartenstein, Stadt
14522250;Hartha, Stadt
14522260;Hartmannsdorf
14524100;Hartmannsdorf b. Kirchberg
14628150;Hartmannsdorf-Reichenau
14625220;Haselbachtal
14628160;Heidenau, Stadt
14521280;Heidersdorf
14523150;Heinsdorfergrund
14628170;Hermsdorf/Erzgeb.
14626180;Herrnhut, Stadt
14524110;Hirschfeld
14627070;Hirschstein
14625230;Hochkirch/Bukecy
14626190;Hohendubrau/Wysoka Dubrawa
14524120;Hohenstein-Ernstthal, Stadt
14521290;Hohndorf
14628190;Hohnstein, Stadt
14626200;Horka
14625240;Hoyerswerda/Wojerecy, Stadt
14521310;Jahnsdorf/Erzgeb.
14730140;Jesewitz
14521320;Johanngeorgenstadt, Stadt
14521330;Jöhstadt, Stadt
14626210;Jonsdorf, Kurort
14627080;Käbschütztal
14625250;Kamenz/Kamjenc, Stadt
14524130;Kirchberg, Stadt
14729220;Kitzscher, Stadt
14628205;Klingenberg
14523160;Klingenthal, Stadt
14627100;Klipphausen
14626230;Kodersdorf
14625270;Königsbrück, Stadt
14522280;Königsfeld
14626240;Königshain
14522290;Königshain-Wiederau
14628210;Königstein/Sächs. Schw., Stadt
14521340;Königswalde
14625280;Königswartha/Rakecy
14626245;Kottmar
14626250;Krauschwitz i.d. O.L./Krušwica
14626260;Kreba-Neudorf/Chrjebja-Nowa Wjes
14628220;Kreischa
14522300;Kriebstein
14730150;Krostitz
14625290;Kubschütz/Kubšicy
14627110;Lampertswalde
14524140;Langenbernsdorf
14524150;Langenweißbach
14730160;Laußig
14625300;Laußnitz
14625310;Lauta, Stadt
14521355;Lauter-Bernsbach, Stadt
14626270;Lawalde
14713000;Leipzig, Stadt
14522310;Leisnig, Stadt
14523170;Lengenfeld, Stadt
14522320;Leubsdorf
14626280;Leutersdorf
14522330;Lichtenau
14625320;Lichtenberg
14522340;Lichtenberg/Erzgeb.
14524160;Lichtenstein/Sa., Stadt
14524170;Lichtentanne
14730170;Liebschützberg
14628230;Liebstadt, Stadt
14523190;Limbach
14524180;Limbach-Oberfrohna, Stadt
14626290;Löbau, Stadt
14730180;Löbnitz
14628240;Lohmen
14625330;Lohsa/Łaz
14627130;Lommatzsch, Stadt
14729245;Lossatal
14521370;Lößnitz, Stadt
14521380;Lugau/Erzgeb., Stadt
14522350;Lunzenau, Stadt
14729250;Machern
14625340;Malschwitz/Malešecy
14521390;Marienberg, Stadt
14626300;Markersdorf
14729260;Markkleeberg, Stadt
14523200;Markneukirchen, Stadt
14729270;Markranstädt, Stadt
14524190;Meerane, Stadt
14627140;Meißen, Stadt
14521400;Mildenau
14626310;Mittelherwigsdorf
14522360;Mittweida, Stadt, Hochschulstadt
14730190;Mockrehna
14627150;Moritzburg
14626320;Mücka/Mikow
14730200;Mügeln, Stadt
14628250;Müglitztal
14522380;Mühlau
14523230;Mühlental
14522390;Mulda/Sa.
14523245;Muldenhammer
14524200;Mülsen
14730210;Naundorf
14729300;Naunhof, Stadt
14625350;Nebelschütz/Njebjelčicy
14626330;Neißeaue
14625360;Neschwitz/Njeswačidło
14523260;Netzschkau, Stadt
14523270;Neuensalz
14522400;Neuhausen/Erzgeb.
14729320;Neukieritzsch
14625370;Neukirch
14625380;Neukirch/Lausitz
14521410;Neukirchen/Erzgeb.
14524210;Neukirchen/Pleiße
14523280;Neumark
14626350;Neusalza-Spremberg, Stadt
14628260;Neustadt i. Sa., Stadt
14523290;Neustadt/Vogtl.
14627170;Niederau
14521420;Niederdorf
14524220;Niederfrohna
14522420;Niederwiesa
14521430;Niederwürschnitz
14626370;Niesky, Stadt
14627180;Nossen, Stadt
14627190;Nünchritz
14625390;Obergurig/Hornja Hórka
14524230;Oberlungwitz, Stadt
14522430;Oberschöna
14524240;Oberwiera
14521440;Oberwiesenthal, Kurort, Stadt
14626390;Oderwitz
14522440;Oederan, Stadt
14521450;Oelsnitz/Erzgeb., Stadt
14523300;Oelsnitz/Vogtl., Stadt
14625410;Ohorn
14521460;Olbernhau, Stadt
14626400;Olbersdorf
14626410;Oppach
14730230;Oschatz, Stadt
14625420;Oßling
14522450;Ostrau
14626420;Ostritz, Stadt
14625430;Ottendorf-Okrilla
14729330;Otterwisch
14626430;Oybin
14625440;Panschwitz-Kuckau/Pančicy-Kukow
14729340;Parthenstein
14523310;Pausa-Mühltroff, Stadt
14729350;Pegau, Stadt
14522460;Penig, Stadt
14628270;Pirna, Stadt
14523320;Plauen, Stadt
14521495;Pockau-Lengefeld, Stadt
14523330;Pöhl
14627200;Priestewitz
14625450;Pulsnitz, Stadt
14625460;Puschwitz/Bóšicy
14626440;Quitzdorf am See
14628300;Rabenau, Stadt
14625470;Räckelwitz/Worklecy
14730250;Rackwitz
14625480;Radeberg, Stadt
14627210;Radebeul, Stadt
14627220;Radeburg, Stadt
14625490;Radibor/Radwor
14625500;Ralbitz-Rosenthal
14625510;Rammenau
14521500;Raschau-Markersbach
14628310;Rathen, Kurort
14628320;Rathmannsdorf
14522470;Rechenberg-Bienenmühle
14729360;Regis-Breitingen, Stadt
14523340;Reichenbach im Vogtland, Stadt
14626450;Reichenbach/O.L., Stadt
14628330;Reinhardtsdorf-Schöna
14522480;Reinsberg
14524250;Reinsdorf
14524260;Remse
14627230;Riesa, Stadt
14626460;Rietschen/Rěčicy
14522490;Rochlitz, Stadt
14627240;Röderaue
14523360;Rodewisch, Stadt
14626470;Rosenbach
14523365;Rosenbach/Vogtl.
14628340;Rosenthal-Bielatal
14522500;Rossau
14522510;Roßwein, Stadt
14729370;Rötha, Stadt
14626480;Rothenburg/O.L., Stadt
14522520;Sayda, Stadt
14521510;Scheibenberg, Stadt
14625525;Schirgiswalde-Kirschau, Stadt
14730270;Schkeuditz, Stadt
14626490;Schleife/Slepo
14521520;Schlettau, Stadt
14625530;Schmölln-Putzkau
14521530;Schneeberg, Stadt
14626500;Schönau-Berzdorf a. d. Eigen
14626510;Schönbach
14524270;Schönberg
14523370;Schöneck/Vogtl., Stadt
14627250;Schönfeld
14521540;Schönheide
14730280;Schönwölkau
14626520;Schöpstal
14521550;Schwarzenberg/Erzgeb., Stadt
14625550;Schwepnitz
14628360;Sebnitz, Stadt
14522530;Seelitz
14521560;Sehmatal
14521570;Seiffen/Erzgeb., Kurort
14626530;Seifhennersdorf, Stadt
14625560;Sohland a. d. Spree
14625570;Spreetal/Sprjewiny Doł
14524280;St. Egidien
14628370;Stadt Wehlen, Stadt
14627260;Stauchitz
14625580;Steina
14523380;Steinberg
14625590;Steinigtwolmsdorf
14521590;Stollberg/Erzgeb., Stadt
14628380;Stolpen, Stadt
14627270;Strehla, Stadt
14522540;Striegistal
14628390;Struppen
14521600;Stützengrün
14521610;Tannenberg
14730300;Taucha, Stadt
14522550;Taura
14521620;Thalheim/Erzgeb., Stadt
14729380;Thallwitz
14628400;Tharandt, Stadt
14521630;Thermalbad Wiesenbad
14523410;Theuma
14627290;Thiendorf
14521640;Thum, Stadt
14523420;Tirpersdorf
14730310;Torgau, Stadt
14626560;Trebendorf/Trjebin
14729400;Trebsen/Mulde, Stadt
14523430;Treuen, Stadt
14523440;Triebel/Vogtl.
14730320;Trossin
14626570;Vierkirchen
14625600;Wachau
14524290;Waldenburg, Stadt
14522570;Waldheim, Stadt
14626580;Waldhufen
14522580;Wechselburg
14627310;Weinböhla
14523450;Weischlitz
14625610;Weißenberg/Wóspork, Stadt
14522590;Weißenborn/Erzgeb.
14626590;Weißkeißel/Wuskidź
14626600;Weißwasser/O.L., Stadt/Běła Woda
14523460;Werda
14524300;Werdau, Stadt
14730330;Wermsdorf
14730340;Wiedemar
14524310;Wildenfels, Stadt
14524320;Wilkau-Haßlau, Stadt
14628410;Wilsdruff, Stadt
14625630;Wilthen, Stadt
14625640;Wittichenau/Kulow, Stadt
14521670;Wolkenstein, Stadt
14627340;Wülknitz
14729410;Wurzen, Stadt
14627360;Zeithain
14522600;Zettlitz
14626610;Zittau, Stadt
14522620;Zschaitz-Ottewig
14730360;Zschepplin
14521690;Zschopau, Stadt
14521700;Zschorlau
14729430;Zwenkau, Stadt
14524330;Zwickau, Stadt
14521710;Zwönitz, Stadt
`;
