CLAIMCHECK_SEARCH.add("t:fo",{"forc":[9,42,1,22,28,42],"foreign":[7,44,1,26]});
