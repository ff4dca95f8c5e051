CLAIMCHECK_SEARCH.add("t:th",{"thei":[0,40,24,34],"them":[32,35,1,34,3,25],"there":[2,44,3,42],"these":[34,21],"threat":[7,31,1,19,8,30,4,31,17,33],"threaten":[13,50]});
