CLAIMCHECK_SEARCH.add("t:in",{"individu":[0,47],"industri":[14,29,1,25],"infer":[34,33],"interest":[7,44,1,26],"intern":[0,10,6,24,3,15,1,13,4,15,12,28,1,25,9,25,2,17]});
