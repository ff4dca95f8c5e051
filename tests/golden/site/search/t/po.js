CLAIMCHECK_SEARCH.add("t:po",{"polici":[7,44,1,26],"pose":[20,51],"potenti":[7,44,1,26]});
