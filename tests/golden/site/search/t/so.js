CLAIMCHECK_SEARCH.add("t:so",{"so":[6,31,3,19,1,17,16,35,5,21,5,33],"softwar":[13,42,4,39],"sourc":[24,40]});
