CLAIMCHECK_SEARCH.add("t:ad",{"ad":[20,51],"addit":[34,21],"administr":[0,25,1,26,1,13,8,13,1,16,2,22,3,21,6,29,12,9],"advanc":[4,44,15,43]});
